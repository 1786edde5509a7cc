using System.Collections.Immutable;
using System.Reflection.Metadata;

namespace Phytrace.Nano.ILAudit;

/// <summary>
/// A decoded type signature reduced to what the audit cares about: its display name and whether
/// a generic instantiation, a generic parameter or a pointer appears anywhere inside it.
/// </summary>
internal readonly record struct SignatureShape(string Name, bool HasGeneric, bool HasPointer)
{
    public static SignatureShape Plain(string name) => new(name, false, false);
}

/// <summary>Decodes signatures into <see cref="SignatureShape"/>s.</summary>
internal sealed class SignatureShapeProvider : ISignatureTypeProvider<SignatureShape, object?>
{
    private readonly MetadataReader reader;

    public SignatureShapeProvider(MetadataReader reader) => this.reader = reader;

    public SignatureShape GetPrimitiveType(PrimitiveTypeCode typeCode) => SignatureShape.Plain(typeCode.ToString());

    public SignatureShape GetTypeFromDefinition(MetadataReader r, TypeDefinitionHandle handle, byte rawTypeKind)
        => SignatureShape.Plain(MetadataNames.Of(r, handle));

    public SignatureShape GetTypeFromReference(MetadataReader r, TypeReferenceHandle handle, byte rawTypeKind)
        => SignatureShape.Plain(MetadataNames.Of(r, handle));

    public SignatureShape GetTypeFromSpecification(MetadataReader r, object? context, TypeSpecificationHandle handle, byte rawTypeKind)
        => r.GetTypeSpecification(handle).DecodeSignature(this, context);

    public SignatureShape GetSZArrayType(SignatureShape elementType) => elementType with { Name = elementType.Name + "[]" };

    public SignatureShape GetArrayType(SignatureShape elementType, ArrayShape shape) => elementType with { Name = elementType.Name + "[,]" };

    public SignatureShape GetByReferenceType(SignatureShape elementType) => elementType with { Name = elementType.Name + "&" };

    public SignatureShape GetPointerType(SignatureShape elementType) => new(elementType.Name + "*", elementType.HasGeneric, true);

    public SignatureShape GetFunctionPointerType(MethodSignature<SignatureShape> signature) => new("delegate*", false, true);

    public SignatureShape GetPinnedType(SignatureShape elementType) => elementType;

    public SignatureShape GetModifiedType(SignatureShape modifier, SignatureShape unmodifiedType, bool isRequired) => unmodifiedType;

    public SignatureShape GetGenericTypeParameter(object? context, int index) => new("!" + index, true, false);

    public SignatureShape GetGenericMethodParameter(object? context, int index) => new("!!" + index, true, false);

    public SignatureShape GetGenericInstantiation(SignatureShape genericType, ImmutableArray<SignatureShape> typeArguments)
    {
        bool pointer = genericType.HasPointer;
        var names = new string[typeArguments.Length];
        for (int i = 0; i < typeArguments.Length; i++)
        {
            names[i] = typeArguments[i].Name;
            pointer |= typeArguments[i].HasPointer;
        }
        return new SignatureShape($"{genericType.Name}<{string.Join(", ", names)}>", true, pointer);
    }

    internal MetadataReader Reader => reader;
}
