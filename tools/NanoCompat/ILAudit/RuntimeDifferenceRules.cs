using System.Collections.Immutable;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace Phytrace.Nano.ILAudit;

/// <summary>
/// IL that nanoCLR runs differently from .NET although both accept it (measured on the kit's
/// nanoCLR, docs/device-differences.md). Each rule matches only the instruction shapes Roslyn emits
/// for the risky source, so safe code does not trip it:
/// <list type="bullet">
/// <item>String indexer (String.get_Chars) outside the allowed reader type: the runtime returns the
/// high surrogate at a low surrogate's position.</item>
/// <item>An element loaded from a reference-type array (ldelem.ref), directly or through one
/// local, compared with null by value (ldnull + ceq / cgt.un, or ReferenceEquals): a slot of a
/// fresh string[] holds a typed null that such a compare sees as set. A branch on it (brtrue /
/// brfalse) is right, and is not reported.</item>
/// <item>A value of an unsigned type (UInt32, UInt64: a call result, local, argument, field or
/// array element) reinterpreted as signed (C# emits nothing for that cast) and consumed, directly
/// or through add/sub/mul/and/or/xor/shl, by an instruction whose result depends on the sign (shr,
/// div, rem, conv.r4, conv.r8, conv.i8): the runtime keeps the value's unsigned type and shifts,
/// divides and converts it as unsigned. Stored in a signed local first it is right, but the
/// optimised compile may remove such a local, so the audit reads both compiles.</item>
/// <item>A call (call, callvirt, newobj) whose next instruction starts a protected region: the
/// runtime runs that region's catch and finally for an exception the call throws (its return
/// address lies in the region). Optimised compiles produce this shape; unoptimised ones put a nop
/// at the start of every try. Not reported: Monitor.Enter, which is how Roslyn compiles a lock
/// statement against nano mscorlib (it lacks Enter(object, ref bool)); it does not throw for the
/// non-null objects the core locks on.</item>
/// <item>A floating-point constant divided (div, rem) by a value computed at run time, such as
/// <c>1 / x</c>, the .NET idiom for telling -0 from +0 or taking a reciprocal: nanoCLR throws
/// System.Exception for every floating-point division by ±0 instead of giving an infinity or NaN.
/// Found by walking back through straight-line code to what pushed the dividend; a division of two
/// variables is not reported (the core's two are guarded: docs/device-differences.md).</item>
/// </list>
/// </summary>
internal sealed class RuntimeDifferenceRules
{
    private const int Lookahead = 16;

    private static readonly HashSet<short> SignSensitive = new()
    {
        OpCodes.Shr.Value, OpCodes.Div.Value, OpCodes.Rem.Value, OpCodes.Conv_R4.Value, OpCodes.Conv_R8.Value, OpCodes.Conv_I8.Value,
    };

    // Results that keep the runtime's unsigned type of their first operand (measured for add and xor).
    // conv.u8 is not followed: it zero-extends a UInt32, which is then never negative.
    private static readonly HashSet<short> KeepsUnsigned = new()
    {
        OpCodes.Add.Value, OpCodes.Sub.Value, OpCodes.Mul.Value, OpCodes.And.Value, OpCodes.Or.Value, OpCodes.Xor.Value,
        OpCodes.Shl.Value, OpCodes.Neg.Value, OpCodes.Not.Value,
    };

    private readonly MetadataReader md;
    private readonly SignatureShapeProvider shapes;
    private readonly HashSet<string> stringIndexerAllowedIn;

    public RuntimeDifferenceRules(MetadataReader md, SignatureShapeProvider shapes, IEnumerable<string> stringIndexerAllowedIn)
    {
        this.md = md;
        this.shapes = shapes;
        this.stringIndexerAllowedIn = new HashSet<string>(stringIndexerAllowedIn, StringComparer.Ordinal);
    }

    /// <summary>One method body: its instructions, the types of its arguments (this first for instance methods) and locals.</summary>
    public sealed record Body(string Location, string DeclaringType, IReadOnlyList<ILOperands.Instruction> Code, IReadOnlyList<SignatureShape> Arguments, IReadOnlyList<SignatureShape> Locals)
    {
        /// <summary>Offsets where a protected region (try) starts.</summary>
        public IReadOnlyCollection<int> TryStarts { get; init; } = Array.Empty<int>();
    }

    public void Check(Body body, Action<AuditRule, string, string> report)
    {
        HashSet<int> targets = BranchTargets(body.Code);
        for (int i = 0; i < body.Code.Count; i++)
        {
            ILOperands.Instruction instruction = body.Code[i];
            if (IsCall(instruction) && MemberName(instruction.Token) == "System.String.get_Chars" && !stringIndexerAllowedIn.Contains(body.DeclaringType))
            {
                report(AuditRule.StringIndexer, body.Location,
                    "reads a string by index (String.get_Chars): nanoCLR returns the high surrogate at a low surrogate's position; read text through " + string.Join(" or ", stringIndexerAllowedIn.DefaultIfEmpty("ToCharArray()")));
            }
            if (instruction.OpCode == OpCodes.Ldelem_Ref && ComparesWithNull(body.Code, i + 1, targets))
            {
                report(AuditRule.ArrayElementComparedWithNull, body.Location,
                    "compares an element of a reference-type array with null by value: nanoCLR fills a fresh string[] with a typed null that such a compare sees as set; track set slots in a bool[] or branch on the element");
            }
            if ((IsCall(instruction) || instruction.OpCode == OpCodes.Newobj) && i + 1 < body.Code.Count && body.TryStarts.Contains(body.Code[i + 1].Offset)
                && MemberName(instruction.Token) != "System.Threading.Monitor.Enter")
            {
                report(AuditRule.CallJustBeforeTry, body.Location,
                    $"calls {MemberName(instruction.Token)} just before a try: nanoCLR runs that try's catch and finally for an exception the call throws; make the call inside the try, or in a method of its own that then calls the one with the try");
            }
            if ((instruction.OpCode == OpCodes.Div || instruction.OpCode == OpCodes.Rem) && IsFloatConstant(DividendPusher(body.Code, i, targets)))
            {
                report(AuditRule.ConstantDividedByVariable, body.Location,
                    "divides a floating-point constant by a value computed at run time (1 / x): nanoCLR throws System.Exception when that value is 0 or -0 instead of giving an infinity; tell -0 by its sign bit (BitConverter.DoubleToInt64Bits) and make sure other divisors cannot be zero");
            }
            string? unsigned = UnsignedSource(body, instruction);
            if (unsigned != null)
            {
                string? use = SignSensitiveUse(body.Code, i, targets);
                if (use != null)
                {
                    report(AuditRule.UnsignedUsedAsSigned, body.Location,
                        $"{unsigned} is cast to a signed type and used at once by {use}: nanoCLR keeps it unsigned (shifts, divides and converts it as unsigned); compute in the unsigned type, or make the value signed where it is made (a signed local in between is not enough: the optimised compile removes it)");
                }
            }
        }
    }

    private static HashSet<int> BranchTargets(IReadOnlyList<ILOperands.Instruction> code)
    {
        var targets = new HashSet<int>();
        foreach (ILOperands.Instruction instruction in code)
        {
            if (instruction.OpCode.OperandType is OperandType.ShortInlineBrTarget or OperandType.InlineBrTarget)
            {
                targets.Add(instruction.Operand);
            }
            targets.UnionWith(instruction.SwitchTargets);
        }
        return targets;
    }

    // ldnull then ceq / cgt.un / ReferenceEquals, at start or after one stloc k; ldloc k.
    private bool ComparesWithNull(IReadOnlyList<ILOperands.Instruction> code, int at, HashSet<int> targets)
    {
        if (at + 1 < code.Count && IsStloc(code[at]) && IsLdloc(code[at + 1]) && code[at].Operand == code[at + 1].Operand && !targets.Contains(code[at + 1].Offset))
        {
            at += 2;
        }
        if (at + 1 >= code.Count || code[at].OpCode != OpCodes.Ldnull || targets.Contains(code[at].Offset) || targets.Contains(code[at + 1].Offset))
        {
            return false;
        }
        ILOperands.Instruction compare = code[at + 1];
        return compare.OpCode == OpCodes.Ceq || compare.OpCode == OpCodes.Cgt_Un
            || (IsCall(compare) && MemberName(compare.Token) == "System.Object.ReferenceEquals");
    }

    // What pushed an unsigned 32- or 64-bit value, or null.
    private string? UnsignedSource(Body body, ILOperands.Instruction instruction)
    {
        OpCode op = instruction.OpCode;
        if (IsCall(instruction))
        {
            SignatureShape? returns = ReturnType(instruction.Token);
            return returns is { } r && IsUnsigned(r) ? $"the {r.Name} result of {MemberName(instruction.Token)}" : null;
        }
        if (IsLdloc(instruction))
        {
            return instruction.Operand < body.Locals.Count && IsUnsigned(body.Locals[instruction.Operand]) ? $"{body.Locals[instruction.Operand].Name} local {instruction.Operand}" : null;
        }
        if (IsLdarg(instruction))
        {
            return instruction.Operand < body.Arguments.Count && IsUnsigned(body.Arguments[instruction.Operand]) ? $"{body.Arguments[instruction.Operand].Name} argument {instruction.Operand}" : null;
        }
        if (op == OpCodes.Ldfld || op == OpCodes.Ldsfld)
        {
            SignatureShape? field = FieldType(instruction.Token);
            return field is { } f && IsUnsigned(f) ? $"{f.Name} field {MemberName(instruction.Token)}" : null;
        }
        if (op == OpCodes.Ldelem_U4 || op == OpCodes.Ldind_U4)
        {
            return "a UInt32 array element";
        }
        return null;
    }

    // Follows the value pushed by code[at] through straight-line code; names the sign-sensitive instruction that consumes it, or null.
    private static string? SignSensitiveUse(IReadOnlyList<ILOperands.Instruction> code, int at, HashSet<int> targets)
    {
        int depth = 0; // how many values lie above the tracked one
        for (int i = at + 1; i < code.Count && i <= at + Lookahead; i++)
        {
            ILOperands.Instruction instruction = code[i];
            if (targets.Contains(instruction.Offset))
            {
                return null;
            }
            int pops = Pops(instruction.OpCode);
            int pushes = Pushes(instruction.OpCode);
            if (pops < 0 || pushes < 0)
            {
                return null; // calls, returns: the value leaves straight-line code
            }
            if (pops <= depth)
            {
                depth = depth - pops + pushes;
                continue;
            }
            // The tracked value is consumed here; as the first operand when it lies deepest.
            bool first = depth == pops - 1;
            short value = instruction.OpCode.Value;
            if (first && SignSensitive.Contains(value))
            {
                return instruction.OpCode.Name;
            }
            if (first && KeepsUnsigned.Contains(value) && pushes == 1)
            {
                depth = 0;
                continue;
            }
            return null;
        }
        return null;
    }

    // The instruction that pushed the first operand (the dividend) of the binary instruction at
    // code[at], found by walking back through straight-line code; null where control flow joins
    // or an instruction's stack effect is not known.
    private ILOperands.Instruction? DividendPusher(IReadOnlyList<ILOperands.Instruction> code, int at, HashSet<int> targets)
    {
        int slot = 1; // the dividend lies one below the divisor at the top of the stack
        for (int j = at - 1; j >= 0; j--)
        {
            ILOperands.Instruction instruction = code[j];
            (int pops, int pushes) = StackEffect(instruction);
            if (pops < 0 || pushes < 0)
            {
                return null;
            }
            if (slot < pushes)
            {
                return instruction;
            }
            slot = slot - pushes + pops;
            if (targets.Contains(instruction.Offset))
            {
                return null;
            }
        }
        return null;
    }

    private (int Pops, int Pushes) StackEffect(ILOperands.Instruction instruction)
    {
        if (IsCall(instruction) || instruction.OpCode == OpCodes.Newobj)
        {
            EntityHandle handle = MetadataTokens.EntityHandle(instruction.Token);
            MethodSignature<SignatureShape>? signature = handle.Kind switch
            {
                HandleKind.MethodDefinition => md.GetMethodDefinition((MethodDefinitionHandle)handle).DecodeSignature(shapes, null),
                HandleKind.MemberReference when md.GetMemberReference((MemberReferenceHandle)handle).GetKind() == MemberReferenceKind.Method
                    => md.GetMemberReference((MemberReferenceHandle)handle).DecodeMethodSignature(shapes, null),
                _ => null,
            };
            if (signature is not { } s)
            {
                return (-1, -1);
            }
            if (instruction.OpCode == OpCodes.Newobj)
            {
                return (s.ParameterTypes.Length, 1);
            }
            return (s.ParameterTypes.Length + (s.Header.IsInstance ? 1 : 0), s.ReturnType.Name == "Void" ? 0 : 1);
        }
        if (instruction.OpCode.FlowControl is FlowControl.Branch or FlowControl.Cond_Branch or FlowControl.Return or FlowControl.Throw)
        {
            return (-1, -1);
        }
        return (Pops(instruction.OpCode), Pushes(instruction.OpCode));
    }

    private static bool IsFloatConstant(ILOperands.Instruction? instruction)
        => instruction is { } i && (i.OpCode == OpCodes.Ldc_R8 || i.OpCode == OpCodes.Ldc_R4);

    private static int Pops(OpCode op) => op.StackBehaviourPop switch
    {
        StackBehaviour.Pop0 => 0,
        StackBehaviour.Pop1 or StackBehaviour.Popi or StackBehaviour.Popref => 1,
        StackBehaviour.Pop1_pop1 or StackBehaviour.Popi_pop1 or StackBehaviour.Popi_popi or StackBehaviour.Popi_popi8
            or StackBehaviour.Popi_popr4 or StackBehaviour.Popi_popr8 or StackBehaviour.Popref_pop1 or StackBehaviour.Popref_popi => 2,
        StackBehaviour.Popi_popi_popi or StackBehaviour.Popref_popi_popi or StackBehaviour.Popref_popi_popi8 or StackBehaviour.Popref_popi_popr4
            or StackBehaviour.Popref_popi_popr8 or StackBehaviour.Popref_popi_popref => 3,
        _ => -1,
    };

    private static int Pushes(OpCode op)
    {
        if (op.FlowControl is FlowControl.Branch or FlowControl.Cond_Branch or FlowControl.Return or FlowControl.Throw)
        {
            return -1;
        }
        return op.StackBehaviourPush switch
        {
            StackBehaviour.Push0 => 0,
            StackBehaviour.Push1 or StackBehaviour.Pushi or StackBehaviour.Pushi8 or StackBehaviour.Pushr4 or StackBehaviour.Pushr8 or StackBehaviour.Pushref => 1,
            StackBehaviour.Push1_push1 => 2,
            _ => -1,
        };
    }

    private static bool IsUnsigned(SignatureShape shape) => shape.Name is "UInt32" or "UInt64";

    private static bool IsCall(ILOperands.Instruction instruction) => instruction.OpCode == OpCodes.Call || instruction.OpCode == OpCodes.Callvirt;

    private static bool IsLdloc(ILOperands.Instruction instruction)
    {
        OpCode op = instruction.OpCode;
        return op == OpCodes.Ldloc || op == OpCodes.Ldloc_S || (op.Value >= OpCodes.Ldloc_0.Value && op.Value <= OpCodes.Ldloc_3.Value);
    }

    private static bool IsStloc(ILOperands.Instruction instruction)
    {
        OpCode op = instruction.OpCode;
        return op == OpCodes.Stloc || op == OpCodes.Stloc_S || (op.Value >= OpCodes.Stloc_0.Value && op.Value <= OpCodes.Stloc_3.Value);
    }

    private static bool IsLdarg(ILOperands.Instruction instruction)
    {
        OpCode op = instruction.OpCode;
        return op == OpCodes.Ldarg || op == OpCodes.Ldarg_S || (op.Value >= OpCodes.Ldarg_0.Value && op.Value <= OpCodes.Ldarg_3.Value);
    }

    private string MemberName(int token) => MetadataNames.Member(md, MetadataTokens.EntityHandle(token), shapes);

    private SignatureShape? ReturnType(int token)
    {
        EntityHandle handle = MetadataTokens.EntityHandle(token);
        return handle.Kind switch
        {
            HandleKind.MethodDefinition => md.GetMethodDefinition((MethodDefinitionHandle)handle).DecodeSignature(shapes, null).ReturnType,
            HandleKind.MemberReference when md.GetMemberReference((MemberReferenceHandle)handle).GetKind() == MemberReferenceKind.Method
                => md.GetMemberReference((MemberReferenceHandle)handle).DecodeMethodSignature(shapes, null).ReturnType,
            _ => null,
        };
    }

    private SignatureShape? FieldType(int token)
    {
        EntityHandle handle = MetadataTokens.EntityHandle(token);
        return handle.Kind switch
        {
            HandleKind.FieldDefinition => md.GetFieldDefinition((FieldDefinitionHandle)handle).DecodeSignature(shapes, null),
            HandleKind.MemberReference when md.GetMemberReference((MemberReferenceHandle)handle).GetKind() == MemberReferenceKind.Field
                => md.GetMemberReference((MemberReferenceHandle)handle).DecodeFieldSignature(shapes, null),
            _ => null,
        };
    }

    /// <summary>The argument types as ldarg indexes them: the declaring type first for an instance method.</summary>
    public static IReadOnlyList<SignatureShape> ArgumentTypes(MethodSignature<SignatureShape> signature, string declaringType)
    {
        var arguments = new List<SignatureShape>();
        if (signature.Header.IsInstance)
        {
            arguments.Add(SignatureShape.Plain(declaringType));
        }
        arguments.AddRange(signature.ParameterTypes);
        return arguments;
    }

    public static IReadOnlyList<SignatureShape> NoLocals { get; } = ImmutableArray<SignatureShape>.Empty;
}
