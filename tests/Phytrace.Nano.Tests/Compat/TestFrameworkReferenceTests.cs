using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Metadata;
using Phytrace.Nano.DeviceTestRunner;
using Phytrace.Nano.Tests.Support;

namespace Phytrace.Nano.Tests.Compat;

/// <summary>
/// The gate compiles the device tests against the project's declaration of nanoFramework.TestFramework
/// (tools/NanoCompat/TestFrameworkReference), because the registry does not serve that package.
/// Where the kit is present, every declared type and member must exist in the kit's real
/// nanoFramework.TestFramework.dll 3.0.77 with the same shape, so what compiles in the gate compiles
/// for the device and means the same there.
/// </summary>
public class TestFrameworkReferenceTests
{
    private static string ReferenceDir => Path.Combine(RepoPaths.Root, "tools", "NanoCompat", "TestFrameworkReference");

    [SkippableFact]
    public void Every_declaration_matches_the_real_TestFramework_of_the_kit()
    {
        NanoKit? kit = NanoKit.Find(NanoKit.DefaultLocation(RepoPaths.Root), out string whyNot);
        if (kit == null)
        {
            SharedMaterial.NanoKit.ReportMissing(whyNot);
        }
        string[] files = Directory.GetFiles(ReferenceDir, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)).ToArray();
        byte[] declared = SnippetCompiler.Compile("nanoFramework.TestFramework", new[] { SnippetCompiler.NanoMscorlib }, files.Select(File.ReadAllText).ToArray());
        using var declaredPe = SnippetCompiler.Reader(declared);
        using var realPe = new System.Reflection.PortableExecutable.PEReader(File.OpenRead(Path.Combine(kit!.Directory, "testframework", "nanoFramework.TestFramework.dll")));

        Dictionary<string, string> real = PublicSurface(realPe.GetMetadataReader());
        Dictionary<string, string> ours = PublicSurface(declaredPe.GetMetadataReader());

        Assert.True(ours.Count > 40, "the declaration has " + ours.Count + " members");
        var mismatches = ours
            .Where(member => !real.TryGetValue(member.Key, out string? shape) || shape != member.Value)
            .Select(member => $"{member.Key}: declared {member.Value}, real {(real.TryGetValue(member.Key, out string? shape) ? shape : "absent")}")
            .ToList();
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    [Fact]
    public void The_surface_reader_tells_a_changed_signature_apart()
    {
        // The comparison above can fail: a default value, a parameter type and a missing member all show.
        Dictionary<string, string> a = SurfaceOf("namespace N { public static class C { public static void M(int x, string m = \"\") { } } }");
        Dictionary<string, string> b = SurfaceOf("namespace N { public static class C { public static void M(int x, string m = null) { } } }");
        Dictionary<string, string> c = SurfaceOf("namespace N { public static class C { public static void M(long x, string m = \"\") { } } }");

        Assert.NotEqual(a.Single(p => p.Key.Contains("::M", StringComparison.Ordinal)).Value, b.Single(p => p.Key.Contains("::M", StringComparison.Ordinal)).Value);
        Assert.NotEqual(a.Keys.Single(k => k.Contains("::M", StringComparison.Ordinal)), c.Keys.Single(k => k.Contains("::M", StringComparison.Ordinal)));
    }

    private static Dictionary<string, string> SurfaceOf(string source)
    {
        using var pe = SnippetCompiler.Reader(SnippetCompiler.Compile("S", new[] { SnippetCompiler.NanoMscorlib }, source));
        return PublicSurface(pe.GetMetadataReader());
    }

    /// <summary>
    /// Every public type and method: key "Namespace.Type" or "Namespace.Type::Name(parameter types)",
    /// value its shape (type flags, base type, attribute usage; static, return type, parameter names,
    /// defaults and params arrays).
    /// </summary>
    private static Dictionary<string, string> PublicSurface(MetadataReader md)
    {
        var surface = new Dictionary<string, string>(StringComparer.Ordinal);
        var names = new TypeNames(md);
        foreach (TypeDefinitionHandle typeHandle in md.TypeDefinitions)
        {
            TypeDefinition type = md.GetTypeDefinition(typeHandle);
            if ((type.Attributes & TypeAttributes.VisibilityMask) != TypeAttributes.Public)
            {
                continue;
            }
            string typeName = md.GetString(type.Namespace) + "." + md.GetString(type.Name);
            TypeAttributes kind = type.Attributes & (TypeAttributes.Sealed | TypeAttributes.Abstract | TypeAttributes.Interface);
            string baseType = type.BaseType.IsNil ? "-" : names.Of(type.BaseType);
            string usage = string.Join(";", type.GetCustomAttributes().Select(md.GetCustomAttribute)
                .Where(a => names.AttributeType(a) == "System.AttributeUsageAttribute")
                .Select(a => Convert.ToHexString(md.GetBlobBytes(a.Value))));
            surface[typeName] = $"{kind} : {baseType} [{usage}]";

            foreach (MethodDefinitionHandle methodHandle in type.GetMethods())
            {
                MethodDefinition method = md.GetMethodDefinition(methodHandle);
                if ((method.Attributes & MethodAttributes.MemberAccessMask) != MethodAttributes.Public)
                {
                    continue;
                }
                if (method.GetCustomAttributes().Select(md.GetCustomAttribute).Any(a => names.AttributeType(a) == "System.ObsoleteAttribute"))
                {
                    continue; // the declaration leaves out what the package itself deprecates
                }
                MethodSignature<string> signature = method.DecodeSignature(names, null);
                var parameters = method.GetParameters().Select(md.GetParameter).Where(p => p.SequenceNumber > 0).OrderBy(p => p.SequenceNumber).ToList();
                string details = string.Join(", ", parameters.Select(p => md.GetString(p.Name) + Default(md, p)
                    + (p.GetCustomAttributes().Select(md.GetCustomAttribute).Any(a => names.AttributeType(a) == "System.ParamArrayAttribute") ? " params" : string.Empty)));
                string key = $"{typeName}::{md.GetString(method.Name)}({string.Join(",", signature.ParameterTypes)})";
                surface[key] = $"{((method.Attributes & MethodAttributes.Static) != 0 ? "static " : string.Empty)}{signature.ReturnType} ({details})";
            }
        }
        return surface;
    }

    private static string Default(MetadataReader md, Parameter parameter)
    {
        if (parameter.GetDefaultValue().IsNil)
        {
            return string.Empty;
        }
        Constant constant = md.GetConstant(parameter.GetDefaultValue());
        return $" = {constant.TypeCode}:{Convert.ToHexString(md.GetBlobBytes(constant.Value))}";
    }

    /// <summary>Type names for signatures and attributes.</summary>
    private sealed class TypeNames : ISignatureTypeProvider<string, object?>
    {
        private readonly MetadataReader md;

        public TypeNames(MetadataReader md) => this.md = md;

        public string Of(EntityHandle handle) => handle.Kind switch
        {
            HandleKind.TypeReference => GetTypeFromReference(md, (TypeReferenceHandle)handle, 0),
            HandleKind.TypeDefinition => GetTypeFromDefinition(md, (TypeDefinitionHandle)handle, 0),
            _ => handle.Kind.ToString(),
        };

        public string AttributeType(CustomAttribute attribute) => attribute.Constructor.Kind switch
        {
            HandleKind.MemberReference => Of(md.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent),
            HandleKind.MethodDefinition => Of(md.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).GetDeclaringType()),
            _ => string.Empty,
        };

        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();
        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind)
            => reader.GetString(reader.GetTypeDefinition(handle).Namespace) + "." + reader.GetString(reader.GetTypeDefinition(handle).Name);
        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
            => reader.GetString(reader.GetTypeReference(handle).Namespace) + "." + reader.GetString(reader.GetTypeReference(handle).Name);
        public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind)
            => reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);
        public string GetSZArrayType(string elementType) => elementType + "[]";
        public string GetArrayType(string elementType, ArrayShape shape) => elementType + "[" + new string(',', shape.Rank - 1) + "]";
        public string GetByReferenceType(string elementType) => elementType + "&";
        public string GetPointerType(string elementType) => elementType + "*";
        public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) => genericType + "<" + string.Join(",", typeArguments) + ">";
        public string GetGenericTypeParameter(object? genericContext, int index) => "!" + index;
        public string GetGenericMethodParameter(object? genericContext, int index) => "!!" + index;
        public string GetFunctionPointerType(MethodSignature<string> signature) => "method*";
        public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;
        public string GetPinnedType(string elementType) => elementType;
    }
}
