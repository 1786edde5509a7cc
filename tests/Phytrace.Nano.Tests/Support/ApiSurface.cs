using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Phytrace.Nano.Tests.Support;

/// <summary>
/// The public and protected surface of an assembly as text that two assemblies can be compared by:
/// one header per type (kind, static/abstract/sealed, base type, interfaces) and one line per member
/// (visibility, static or instance, abstract/virtual, return type, name, parameter types, names and
/// defaults, constant values). Read from metadata with System.Reflection.Metadata, so nothing is
/// loaded or run. Properties and events show as their accessor methods, which carry their types.
/// </summary>
public sealed class ApiSurface
{
    private readonly Dictionary<string, TypeSurface> types = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, TypeSurface> Types => types;

    public static ApiSurface Read(byte[] image)
    {
        using var pe = new PEReader(ImmutableArray.Create(image));
        var surface = new ApiSurface();
        surface.Add(pe.GetMetadataReader());
        return surface;
    }

    public static ApiSurface Read(string path) => Read(File.ReadAllBytes(path));

    private void Add(MetadataReader md)
    {
        var names = new SignatureNames();
        foreach (TypeDefinitionHandle handle in md.TypeDefinitions)
        {
            TypeDefinition type = md.GetTypeDefinition(handle);
            if (!IsVisible(md, type))
            {
                continue;
            }
            string name = names.GetTypeFromDefinition(md, handle, 0);
            types[name] = TypeSurface.Read(md, type, name, names);
        }
    }

    private static bool IsVisible(MetadataReader md, TypeDefinition type)
    {
        TypeAttributes visibility = type.Attributes & TypeAttributes.VisibilityMask;
        if (!type.IsNested)
        {
            return visibility == TypeAttributes.Public;
        }
        bool nestedVisible = visibility is TypeAttributes.NestedPublic or TypeAttributes.NestedFamily or TypeAttributes.NestedFamORAssem;
        return nestedVisible && IsVisible(md, md.GetTypeDefinition(type.GetDeclaringType()));
    }
}

/// <summary>One type of an <see cref="ApiSurface"/>.</summary>
public sealed class TypeSurface
{
    private TypeSurface(string name, string header, string baseType, IReadOnlyList<string> interfaces, bool isAbstractClass,
        IReadOnlyDictionary<string, string> members, IReadOnlyList<string> abstractMembers)
    {
        Name = name;
        Header = header;
        BaseType = baseType;
        Interfaces = interfaces;
        IsAbstractClass = isAbstractClass;
        Members = members;
        AbstractMembers = abstractMembers;
    }

    public string Name { get; }

    /// <summary>"class abstract : System.IO.Stream" and the like: kind, modifiers, base type.</summary>
    public string Header { get; }

    public string BaseType { get; }

    public IReadOnlyList<string> Interfaces { get; }

    /// <summary>An abstract class (not an interface): what derives from it must implement its abstract members.</summary>
    public bool IsAbstractClass { get; }

    /// <summary>Member key ("method Read(System.Byte[],System.Int32,System.Int32)") to its full description.</summary>
    public IReadOnlyDictionary<string, string> Members { get; }

    /// <summary>Keys of the abstract members.</summary>
    public IReadOnlyList<string> AbstractMembers { get; }

    internal static TypeSurface Read(MetadataReader md, TypeDefinition type, string name, SignatureNames names)
    {
        string baseType = type.BaseType.IsNil ? string.Empty : names.Of(md, type.BaseType);
        TypeAttributes attributes = type.Attributes;
        bool isInterface = (attributes & TypeAttributes.Interface) != 0;
        string kind = isInterface ? "interface"
            : baseType == "System.Enum" ? "enum"
            : baseType == "System.ValueType" ? "struct"
            : baseType == "System.MulticastDelegate" ? "delegate"
            : "class";
        bool isAbstract = (attributes & TypeAttributes.Abstract) != 0;
        bool isSealed = (attributes & TypeAttributes.Sealed) != 0;
        string modifiers = kind != "class" ? string.Empty
            : isAbstract && isSealed ? " static"
            : isAbstract ? " abstract"
            : isSealed ? " sealed"
            : string.Empty;
        string header = kind + modifiers + (kind == "class" ? " : " + baseType : string.Empty);
        var interfaces = type.GetInterfaceImplementations()
            .Select(h => names.Of(md, md.GetInterfaceImplementation(h).Interface))
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToList();

        var members = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var abstractMembers = new List<string>();
        foreach (FieldDefinitionHandle handle in type.GetFields())
        {
            FieldDefinition field = md.GetFieldDefinition(handle);
            string? visibility = Visibility(field.Attributes & FieldAttributes.FieldAccessMask);
            if (visibility == null)
            {
                continue;
            }
            string fieldName = md.GetString(field.Name);
            string text = visibility + ((field.Attributes & FieldAttributes.Static) != 0 ? " static " : " ")
                + field.DecodeSignature(names, null) + " " + fieldName;
            ConstantHandle constant = field.GetDefaultValue();
            if (!constant.IsNil)
            {
                text += " = " + ConstantText(md, constant);
            }
            members["field " + fieldName] = text;
        }
        foreach (MethodDefinitionHandle handle in type.GetMethods())
        {
            MethodDefinition method = md.GetMethodDefinition(handle);
            string? visibility = Visibility((FieldAttributes)(int)(method.Attributes & MethodAttributes.MemberAccessMask));
            if (visibility == null)
            {
                continue;
            }
            string methodName = md.GetString(method.Name);
            if (methodName == "Finalize")
            {
                // A destructor is nobody's API; declaring one would only add a body that throws.
                continue;
            }
            MethodSignature<string> signature = method.DecodeSignature(names, null);
            string key = "method " + methodName + "(" + string.Join(",", signature.ParameterTypes) + ")";
            members[key] = visibility + ((method.Attributes & MethodAttributes.Static) != 0 ? " static" : string.Empty)
                + Dispatch(method.Attributes) + " " + signature.ReturnType + " " + methodName
                + "(" + string.Join(", ", Parameters(md, method, signature)) + ")";
            if ((method.Attributes & MethodAttributes.Abstract) != 0)
            {
                abstractMembers.Add(key);
            }
        }
        foreach (EventDefinitionHandle handle in type.GetEvents())
        {
            EventDefinition e = md.GetEventDefinition(handle);
            string eventName = md.GetString(e.Name);
            members["event " + eventName] = "event " + names.Of(md, e.Type) + " " + eventName;
        }
        return new TypeSurface(name, header, baseType, interfaces, kind == "class" && isAbstract && !isSealed, members, abstractMembers);
    }

    private static string? Visibility(FieldAttributes access) => access switch
    {
        FieldAttributes.Public => "public",
        FieldAttributes.Family or FieldAttributes.FamORAssem => "protected",
        _ => null,
    };

    /// <summary>
    /// What a caller or a derived class can rely on: abstract, overridable or not. A sealed
    /// override and a sealed interface implementation are, to them, the same as a plain method.
    /// </summary>
    private static string Dispatch(MethodAttributes attributes)
    {
        if ((attributes & MethodAttributes.Abstract) != 0)
        {
            return " abstract";
        }
        bool isVirtual = (attributes & MethodAttributes.Virtual) != 0;
        bool isFinal = (attributes & MethodAttributes.Final) != 0;
        return isVirtual && !isFinal ? " virtual" : string.Empty;
    }

    private static IEnumerable<string> Parameters(MetadataReader md, MethodDefinition method, MethodSignature<string> signature)
    {
        var names = new string[signature.ParameterTypes.Length];
        var defaults = new string[signature.ParameterTypes.Length];
        foreach (ParameterHandle handle in method.GetParameters())
        {
            Parameter parameter = md.GetParameter(handle);
            if (parameter.SequenceNumber == 0 || parameter.SequenceNumber > names.Length)
            {
                continue;
            }
            int index = parameter.SequenceNumber - 1;
            names[index] = md.GetString(parameter.Name);
            if ((parameter.Attributes & ParameterAttributes.Optional) != 0)
            {
                ConstantHandle constant = parameter.GetDefaultValue();
                defaults[index] = " = " + (constant.IsNil ? "default" : ConstantText(md, constant));
            }
        }
        for (int i = 0; i < names.Length; i++)
        {
            yield return signature.ParameterTypes[i] + " " + names[i] + defaults[i];
        }
    }

    private static string ConstantText(MetadataReader md, ConstantHandle handle)
    {
        Constant constant = md.GetConstant(handle);
        BlobReader value = md.GetBlobReader(constant.Value);
        return constant.TypeCode switch
        {
            ConstantTypeCode.NullReference => "null",
            ConstantTypeCode.Boolean => value.ReadBoolean() ? "true" : "false",
            ConstantTypeCode.Byte => value.ReadByte().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ConstantTypeCode.SByte => value.ReadSByte().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ConstantTypeCode.Int16 => value.ReadInt16().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ConstantTypeCode.UInt16 => value.ReadUInt16().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ConstantTypeCode.Int32 => value.ReadInt32().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ConstantTypeCode.UInt32 => value.ReadUInt32().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ConstantTypeCode.Int64 => value.ReadInt64().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ConstantTypeCode.UInt64 => value.ReadUInt64().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ConstantTypeCode.String => "\"" + value.ReadUTF16(value.Length) + "\"",
            _ => constant.TypeCode + ":" + Convert.ToHexString(value.ReadBytes(value.Length)),
        };
    }
}

/// <summary>Type names in signatures, written the same way for every assembly ("System.Int32", "Outer/Inner", "T[]").</summary>
internal sealed class SignatureNames : ISignatureTypeProvider<string, object?>
{
    public string Of(MetadataReader md, EntityHandle handle) => handle.Kind switch
    {
        HandleKind.TypeDefinition => GetTypeFromDefinition(md, (TypeDefinitionHandle)handle, 0),
        HandleKind.TypeReference => GetTypeFromReference(md, (TypeReferenceHandle)handle, 0),
        HandleKind.TypeSpecification => md.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(this, null),
        _ => handle.Kind.ToString(),
    };

    public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode switch
    {
        PrimitiveTypeCode.Void => "System.Void",
        PrimitiveTypeCode.Boolean => "System.Boolean",
        PrimitiveTypeCode.Char => "System.Char",
        PrimitiveTypeCode.SByte => "System.SByte",
        PrimitiveTypeCode.Byte => "System.Byte",
        PrimitiveTypeCode.Int16 => "System.Int16",
        PrimitiveTypeCode.UInt16 => "System.UInt16",
        PrimitiveTypeCode.Int32 => "System.Int32",
        PrimitiveTypeCode.UInt32 => "System.UInt32",
        PrimitiveTypeCode.Int64 => "System.Int64",
        PrimitiveTypeCode.UInt64 => "System.UInt64",
        PrimitiveTypeCode.Single => "System.Single",
        PrimitiveTypeCode.Double => "System.Double",
        PrimitiveTypeCode.String => "System.String",
        PrimitiveTypeCode.Object => "System.Object",
        PrimitiveTypeCode.IntPtr => "System.IntPtr",
        PrimitiveTypeCode.UIntPtr => "System.UIntPtr",
        PrimitiveTypeCode.TypedReference => "System.TypedReference",
        _ => typeCode.ToString(),
    };

    public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind)
    {
        TypeDefinition type = reader.GetTypeDefinition(handle);
        string name = reader.GetString(type.Name);
        if (type.IsNested)
        {
            return GetTypeFromDefinition(reader, type.GetDeclaringType(), rawTypeKind) + "/" + name;
        }
        string ns = reader.GetString(type.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
    {
        TypeReference type = reader.GetTypeReference(handle);
        string name = reader.GetString(type.Name);
        if (type.ResolutionScope.Kind == HandleKind.TypeReference)
        {
            return GetTypeFromReference(reader, (TypeReferenceHandle)type.ResolutionScope, rawTypeKind) + "/" + name;
        }
        string ns = reader.GetString(type.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
        reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

    public string GetSZArrayType(string elementType) => elementType + "[]";

    public string GetArrayType(string elementType, ArrayShape shape) => elementType + "[" + new string(',', shape.Rank - 1) + "]";

    public string GetByReferenceType(string elementType) => elementType + "&";

    public string GetPointerType(string elementType) => elementType + "*";

    public string GetPinnedType(string elementType) => elementType;

    public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;

    public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) => genericType + "<" + string.Join(",", typeArguments) + ">";

    public string GetGenericMethodParameter(object? genericContext, int index) => "!!" + index;

    public string GetGenericTypeParameter(object? genericContext, int index) => "!" + index;

    public string GetFunctionPointerType(MethodSignature<string> signature) => "method*";
}
