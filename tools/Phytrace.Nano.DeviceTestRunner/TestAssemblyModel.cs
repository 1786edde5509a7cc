using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Phytrace.Nano.DeviceTestRunner;

/// <summary>
/// The test cases a compiled nanoFramework.TestFramework assembly declares, read from its metadata
/// on .NET, counted the way UnitTestLauncher 3.0.77 runs them: for each [TestClass], its public
/// methods (inherited ones under the declaring type's name): each [Setup] and [Cleanup] once, each
/// [DataRow] once (a [TestMethod] with data rows runs only as its rows), else each [TestMethod]
/// once. The device run must report every one of them: nanoCLR ends a thread silently on an
/// unhandled exception, so a launcher that stopped early would otherwise look like a green run.
/// Also lists declarations the launcher would silently never run.
/// </summary>
public sealed class TestAssemblyModel
{
    private const string FrameworkNamespace = "nanoFramework.TestFramework";

    public TestAssemblyModel(IReadOnlyList<ExpectedCase> cases, IReadOnlyList<string> problems)
    {
        Cases = cases;
        Problems = problems;
    }

    public IReadOnlyList<ExpectedCase> Cases { get; }

    /// <summary>Test declarations that would never run on the device, each a sentence naming the method.</summary>
    public IReadOnlyList<string> Problems { get; }

    public static TestAssemblyModel Read(string assemblyPath)
    {
        using FileStream stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        return Read(pe.GetMetadataReader());
    }

    public static TestAssemblyModel Read(MetadataReader md)
    {
        var cases = new List<ExpectedCase>();
        var problems = new List<string>();
        foreach (TypeDefinitionHandle typeHandle in md.TypeDefinitions)
        {
            TypeDefinition type = md.GetTypeDefinition(typeHandle);
            if (!HasAttribute(md, type.GetCustomAttributes(), "TestClassAttribute"))
            {
                continue;
            }
            string testClass = TypeName(md, typeHandle);
            for (TypeDefinitionHandle declaring = typeHandle; !declaring.IsNil; declaring = BaseInAssembly(md, declaring))
            {
                AddMethods(md, testClass, declaring, cases, problems);
            }
        }
        return new TestAssemblyModel(cases, problems);
    }

    private static void AddMethods(MetadataReader md, string testClass, TypeDefinitionHandle declaring, List<ExpectedCase> cases, List<string> problems)
    {
        string typeName = TypeName(md, declaring);
        foreach (MethodDefinitionHandle methodHandle in md.GetTypeDefinition(declaring).GetMethods())
        {
            MethodDefinition method = md.GetMethodDefinition(methodHandle);
            string methodName = md.GetString(method.Name);
            int setups = 0, tests = 0, rows = 0, cleanups = 0;
            foreach (CustomAttributeHandle handle in method.GetCustomAttributes())
            {
                switch (AttributeName(md, md.GetCustomAttribute(handle)))
                {
                    case "SetupAttribute": setups++; break;
                    case "TestMethodAttribute": tests++; break;
                    case "DataRowAttribute": rows++; break;
                    case "CleanupAttribute": cleanups++; break;
                }
            }
            if (setups + tests + rows + cleanups == 0)
            {
                continue;
            }
            string where = typeName + "." + methodName;
            if ((method.Attributes & MethodAttributes.MemberAccessMask) != MethodAttributes.Public)
            {
                problems.Add($"{where} is a test but not public: the launcher runs only public methods, so it would never run");
                continue;
            }
            if (rows > 0 && HasArrayParameter(md, method))
            {
                problems.Add($"{where} takes an array from [DataRow]: nanoCLR cannot read array arguments of attributes and the launcher then runs no test at all");
            }
            for (int i = 0; i < setups; i++)
            {
                cases.Add(new ExpectedCase(testClass, where + ".0", CaseKind.Setup));
            }
            if (rows > 0)
            {
                for (int row = 0; row < rows; row++)
                {
                    cases.Add(new ExpectedCase(testClass, where + "." + row.ToString(System.Globalization.CultureInfo.InvariantCulture), CaseKind.DataRow));
                }
            }
            else
            {
                for (int i = 0; i < tests; i++)
                {
                    cases.Add(new ExpectedCase(testClass, where + ".0", CaseKind.Test));
                }
            }
            for (int i = 0; i < cleanups; i++)
            {
                cases.Add(new ExpectedCase(testClass, where + ".0", CaseKind.Cleanup));
            }
        }
    }

    private static bool HasAttribute(MetadataReader md, CustomAttributeHandleCollection attributes, string name)
    {
        foreach (CustomAttributeHandle handle in attributes)
        {
            if (AttributeName(md, md.GetCustomAttribute(handle)) == name)
            {
                return true;
            }
        }
        return false;
    }

    // The attribute's type name when it is one of nanoFramework.TestFramework's, else null.
    private static string? AttributeName(MetadataReader md, CustomAttribute attribute)
    {
        EntityHandle type = attribute.Constructor.Kind switch
        {
            HandleKind.MemberReference => md.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent,
            HandleKind.MethodDefinition => md.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).GetDeclaringType(),
            _ => default,
        };
        switch (type.Kind)
        {
            case HandleKind.TypeReference:
                TypeReference reference = md.GetTypeReference((TypeReferenceHandle)type);
                return md.GetString(reference.Namespace) == FrameworkNamespace ? md.GetString(reference.Name) : null;
            case HandleKind.TypeDefinition:
                TypeDefinition definition = md.GetTypeDefinition((TypeDefinitionHandle)type);
                return md.GetString(definition.Namespace) == FrameworkNamespace ? md.GetString(definition.Name) : null;
            default:
                return null;
        }
    }

    // The launcher's type name: Namespace.Type, nested types as Outer+Inner.
    private static string TypeName(MetadataReader md, TypeDefinitionHandle handle)
    {
        TypeDefinition type = md.GetTypeDefinition(handle);
        string name = md.GetString(type.Name);
        TypeDefinitionHandle outer = type.GetDeclaringType();
        if (!outer.IsNil)
        {
            return TypeName(md, outer) + "+" + name;
        }
        string ns = md.GetString(type.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    private static TypeDefinitionHandle BaseInAssembly(MetadataReader md, TypeDefinitionHandle handle)
    {
        EntityHandle baseType = md.GetTypeDefinition(handle).BaseType;
        return baseType.Kind == HandleKind.TypeDefinition ? (TypeDefinitionHandle)baseType : default;
    }

    private static bool HasArrayParameter(MetadataReader md, MethodDefinition method)
    {
        MethodSignature<bool> signature = method.DecodeSignature(new IsArrayProvider(), null);
        return signature.ParameterTypes.Any(isArray => isArray);
    }

    /// <summary>Decodes a signature type to "is it an array".</summary>
    private sealed class IsArrayProvider : ISignatureTypeProvider<bool, object?>
    {
        public bool GetSZArrayType(bool elementType) => true;
        public bool GetArrayType(bool elementType, ArrayShape shape) => true;
        public bool GetPrimitiveType(PrimitiveTypeCode typeCode) => false;
        public bool GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => false;
        public bool GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => false;
        public bool GetTypeFromSpecification(MetadataReader reader, object? context, TypeSpecificationHandle handle, byte rawTypeKind) => false;
        public bool GetByReferenceType(bool elementType) => elementType;
        public bool GetPointerType(bool elementType) => false;
        public bool GetGenericInstantiation(bool genericType, ImmutableArray<bool> typeArguments) => false;
        public bool GetGenericTypeParameter(object? genericContext, int index) => false;
        public bool GetGenericMethodParameter(object? genericContext, int index) => false;
        public bool GetFunctionPointerType(MethodSignature<bool> signature) => false;
        public bool GetModifiedType(bool modifier, bool unmodifiedType, bool isRequired) => unmodifiedType;
        public bool GetPinnedType(bool elementType) => elementType;
    }
}
