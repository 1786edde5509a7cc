using System.Reflection.Metadata;

namespace Phytrace.Nano.ILAudit;

/// <summary>Readable names for metadata handles, for findings a person can act on.</summary>
internal static class MetadataNames
{
    public static string Of(MetadataReader reader, TypeDefinitionHandle handle)
    {
        TypeDefinition type = reader.GetTypeDefinition(handle);
        string name = reader.GetString(type.Name);
        TypeDefinitionHandle declaring = type.GetDeclaringType();
        if (!declaring.IsNil)
        {
            return Of(reader, declaring) + "+" + name;
        }
        string ns = reader.GetString(type.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    public static string Of(MetadataReader reader, TypeReferenceHandle handle)
    {
        TypeReference type = reader.GetTypeReference(handle);
        string ns = reader.GetString(type.Namespace);
        string name = reader.GetString(type.Name);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    public static string Of(MetadataReader reader, MethodDefinitionHandle handle)
    {
        MethodDefinition method = reader.GetMethodDefinition(handle);
        return Of(reader, method.GetDeclaringType()) + "." + reader.GetString(method.Name);
    }

    public static string Of(MetadataReader reader, FieldDefinitionHandle handle)
    {
        FieldDefinition field = reader.GetFieldDefinition(handle);
        return Of(reader, field.GetDeclaringType()) + "." + reader.GetString(field.Name);
    }

    /// <summary>"Type.Member" for a method or field token (definition or reference), or "?".</summary>
    public static string Member(MetadataReader reader, EntityHandle handle, SignatureShapeProvider shapes)
    {
        switch (handle.Kind)
        {
            case HandleKind.MethodDefinition:
                return Of(reader, (MethodDefinitionHandle)handle);
            case HandleKind.FieldDefinition:
                return Of(reader, (FieldDefinitionHandle)handle);
            case HandleKind.MemberReference:
                MemberReference member = reader.GetMemberReference((MemberReferenceHandle)handle);
                string parent = member.Parent.Kind switch
                {
                    HandleKind.TypeReference => Of(reader, (TypeReferenceHandle)member.Parent),
                    HandleKind.TypeDefinition => Of(reader, (TypeDefinitionHandle)member.Parent),
                    HandleKind.TypeSpecification => reader.GetTypeSpecification((TypeSpecificationHandle)member.Parent).DecodeSignature(shapes, null).Name,
                    _ => "?",
                };
                return parent + "." + reader.GetString(member.Name);
            default:
                return "?";
        }
    }

    /// <summary>Name of the type an attribute's constructor belongs to.</summary>
    public static string AttributeType(MetadataReader reader, CustomAttribute attribute)
    {
        EntityHandle ctor = attribute.Constructor;
        if (ctor.Kind == HandleKind.MemberReference)
        {
            EntityHandle parent = reader.GetMemberReference((MemberReferenceHandle)ctor).Parent;
            if (parent.Kind == HandleKind.TypeReference)
            {
                return Of(reader, (TypeReferenceHandle)parent);
            }
            if (parent.Kind == HandleKind.TypeDefinition)
            {
                return Of(reader, (TypeDefinitionHandle)parent);
            }
        }
        else if (ctor.Kind == HandleKind.MethodDefinition)
        {
            return Of(reader, reader.GetMethodDefinition((MethodDefinitionHandle)ctor).GetDeclaringType());
        }
        return "?";
    }
}
