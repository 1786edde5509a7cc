using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Phytrace.Nano.ILAudit;

/// <summary>
/// Reports every construct in an assembly that nanoFramework 1.x rejects although Roslyn compiles
/// it against the device's mscorlib: generic definitions and instantiations (Action&lt;T&gt; too),
/// async state machines, pointer types, localloc, and references to assemblies not allowed; and
/// IL that the runtime runs differently from .NET (<see cref="RuntimeDifferenceRules"/>).
/// </summary>
public static class NanoILAuditor
{
    public static IReadOnlyList<AuditFinding> Audit(string assemblyPath, IEnumerable<string> allowedReferences, IEnumerable<string>? stringIndexerAllowedIn = null)
    {
        using FileStream stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        return Audit(pe, allowedReferences, stringIndexerAllowedIn);
    }

    /// <param name="stringIndexerAllowedIn">Full names of the types that may read strings by index (the core's TextChars).</param>
    public static IReadOnlyList<AuditFinding> Audit(PEReader pe, IEnumerable<string> allowedReferences, IEnumerable<string>? stringIndexerAllowedIn = null)
    {
        var auditor = new Run(pe, new HashSet<string>(allowedReferences, StringComparer.OrdinalIgnoreCase), stringIndexerAllowedIn ?? Array.Empty<string>());
        auditor.AuditAll();
        return auditor.Findings;
    }

    private sealed class Run
    {
        private readonly PEReader pe;
        private readonly MetadataReader md;
        private readonly HashSet<string> allowed;
        private readonly SignatureShapeProvider shapes;
        private readonly List<AuditFinding> findings = new();
        private readonly HashSet<AuditFinding> seen = new();
        private readonly RuntimeDifferenceRules differences;

        public Run(PEReader pe, HashSet<string> allowed, IEnumerable<string> stringIndexerAllowedIn)
        {
            this.pe = pe;
            md = pe.GetMetadataReader();
            this.allowed = allowed;
            shapes = new SignatureShapeProvider(md);
            differences = new RuntimeDifferenceRules(md, shapes, stringIndexerAllowedIn);
        }

        public List<AuditFinding> Findings => findings;

        public void AuditAll()
        {
            AuditReferences();
            AuditGenericDefinitions();
            foreach (TypeDefinitionHandle typeHandle in md.TypeDefinitions)
            {
                AuditType(typeHandle);
            }
        }

        private void Report(AuditRule rule, string location, string detail)
        {
            var finding = new AuditFinding(rule, location, detail);
            if (seen.Add(finding))
            {
                findings.Add(finding);
            }
        }

        private void AuditReferences()
        {
            foreach (AssemblyReferenceHandle handle in md.AssemblyReferences)
            {
                string name = md.GetString(md.GetAssemblyReference(handle).Name);
                if (!allowed.Contains(name))
                {
                    Report(AuditRule.ForeignReference, "assembly", $"references '{name}'; allowed: {string.Join(", ", allowed)}");
                }
            }
        }

        private void AuditGenericDefinitions()
        {
            for (int row = 1; row <= md.GetTableRowCount(TableIndex.GenericParam); row++)
            {
                GenericParameter parameter = md.GetGenericParameter(MetadataTokens.GenericParameterHandle(row));
                string owner = parameter.Parent.Kind == HandleKind.TypeDefinition
                    ? MetadataNames.Of(md, (TypeDefinitionHandle)parameter.Parent)
                    : MetadataNames.Of(md, (MethodDefinitionHandle)parameter.Parent);
                Report(AuditRule.GenericDefinition, owner, $"declares type parameter '{md.GetString(parameter.Name)}'");
            }
        }

        private void AuditType(TypeDefinitionHandle typeHandle)
        {
            TypeDefinition type = md.GetTypeDefinition(typeHandle);
            string typeName = MetadataNames.Of(md, typeHandle);

            CheckTypeHandle(type.BaseType, typeName, "base type");
            foreach (InterfaceImplementationHandle implHandle in type.GetInterfaceImplementations())
            {
                EntityHandle iface = md.GetInterfaceImplementation(implHandle).Interface;
                CheckTypeHandle(iface, typeName, "implements");
                if (iface.Kind == HandleKind.TypeReference &&
                    MetadataNames.Of(md, (TypeReferenceHandle)iface) == "System.Runtime.CompilerServices.IAsyncStateMachine")
                {
                    Report(AuditRule.AsyncStateMachine, typeName, "implements IAsyncStateMachine");
                }
            }

            foreach (FieldDefinitionHandle fieldHandle in type.GetFields())
            {
                SignatureShape shape = md.GetFieldDefinition(fieldHandle).DecodeSignature(shapes, null);
                CheckShape(shape, MetadataNames.Of(md, fieldHandle), "field type");
            }

            foreach (MethodDefinitionHandle methodHandle in type.GetMethods())
            {
                AuditMethod(methodHandle);
            }
        }

        private void AuditMethod(MethodDefinitionHandle methodHandle)
        {
            MethodDefinition method = md.GetMethodDefinition(methodHandle);
            string location = MetadataNames.Of(md, methodHandle);

            foreach (CustomAttributeHandle attributeHandle in method.GetCustomAttributes())
            {
                string attribute = MetadataNames.AttributeType(md, md.GetCustomAttribute(attributeHandle));
                if (attribute is "System.Runtime.CompilerServices.AsyncStateMachineAttribute"
                    or "System.Runtime.CompilerServices.AsyncIteratorStateMachineAttribute")
                {
                    Report(AuditRule.AsyncStateMachine, location, "is an async method");
                }
            }

            MethodSignature<SignatureShape> signature = method.DecodeSignature(shapes, null);
            CheckShape(signature.ReturnType, location, "return type");
            foreach (SignatureShape parameter in signature.ParameterTypes)
            {
                CheckShape(parameter, location, "parameter type");
            }

            if (method.RelativeVirtualAddress == 0)
            {
                return;
            }
            MethodBodyBlock body = pe.GetMethodBody(method.RelativeVirtualAddress);
            IReadOnlyList<SignatureShape> localTypes = RuntimeDifferenceRules.NoLocals;
            if (!body.LocalSignature.IsNil)
            {
                StandaloneSignature locals = md.GetStandaloneSignature(body.LocalSignature);
                localTypes = locals.DecodeLocalSignature(shapes, null);
                foreach (SignatureShape local in localTypes)
                {
                    CheckShape(local, location, "local variable");
                }
            }
            byte[] il = body.GetILBytes() ?? Array.Empty<byte>();
            List<ILOperands.Instruction> code = ILOperands.Walk(il).ToList();
            string declaringType = MetadataNames.Of(md, method.GetDeclaringType());
            var tryStarts = new HashSet<int>();
            foreach (ExceptionRegion region in body.ExceptionRegions)
            {
                tryStarts.Add(region.TryOffset);
            }
            differences.Check(
                new RuntimeDifferenceRules.Body(location, declaringType, code, RuntimeDifferenceRules.ArgumentTypes(signature, declaringType), localTypes) { TryStarts = tryStarts },
                Report);
            foreach (ILOperands.Instruction instruction in code)
            {
                if (instruction.OpCode == OpCodes.Localloc)
                {
                    Report(AuditRule.Localloc, location, "uses stackalloc");
                }
                if (instruction.Token != 0)
                {
                    CheckToken(MetadataTokens.EntityHandle(instruction.Token), location);
                }
            }
        }

        private void CheckToken(EntityHandle handle, string location)
        {
            switch (handle.Kind)
            {
                case HandleKind.TypeSpecification:
                    CheckTypeHandle(handle, location, "uses");
                    break;
                case HandleKind.MethodSpecification:
                    MethodSpecification spec = md.GetMethodSpecification((MethodSpecificationHandle)handle);
                    Report(AuditRule.GenericInstantiation, location, $"calls generic method {MemberName(spec.Method)}");
                    break;
                case HandleKind.MemberReference:
                    MemberReference member = md.GetMemberReference((MemberReferenceHandle)handle);
                    CheckTypeHandle(member.Parent, location, "uses a member of");
                    if (member.GetKind() == MemberReferenceKind.Method)
                    {
                        MethodSignature<SignatureShape> sig = member.DecodeMethodSignature(shapes, null);
                        CheckShape(sig.ReturnType, location, $"calls {MemberName(handle)} returning");
                        foreach (SignatureShape p in sig.ParameterTypes)
                        {
                            CheckShape(p, location, $"calls {MemberName(handle)} taking");
                        }
                    }
                    else
                    {
                        CheckShape(member.DecodeFieldSignature(shapes, null), location, $"uses field {MemberName(handle)} of type");
                    }
                    break;
            }
        }

        private void CheckTypeHandle(EntityHandle handle, string location, string role)
        {
            if (handle.IsNil || handle.Kind != HandleKind.TypeSpecification)
            {
                return;
            }
            SignatureShape shape = md.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(shapes, null);
            CheckShape(shape, location, role);
        }

        private void CheckShape(SignatureShape shape, string location, string role)
        {
            if (shape.HasGeneric)
            {
                Report(AuditRule.GenericInstantiation, location, $"{role} {shape.Name}");
            }
            if (shape.HasPointer)
            {
                Report(AuditRule.PointerType, location, $"{role} {shape.Name}");
            }
        }

        private string MemberName(EntityHandle handle) => MetadataNames.Member(md, handle, shapes);
    }
}
