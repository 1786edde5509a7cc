using System.Reflection;
using System.Reflection.Emit;

namespace Phytrace.Nano.ILAudit;

/// <summary>Walks a method body's IL, yielding each instruction's offset, opcode, metadata token and small operand.</summary>
internal static class ILOperands
{
    private static readonly OpCode[] OneByte = new OpCode[256];
    private static readonly OpCode[] TwoByte = new OpCode[256];

    static ILOperands()
    {
        foreach (FieldInfo field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var op = (OpCode)field.GetValue(null)!;
            ushort value = unchecked((ushort)op.Value);
            if (op.Size == 1)
            {
                OneByte[value] = op;
            }
            else
            {
                TwoByte[value & 0xFF] = op;
            }
        }
    }

    /// <summary>
    /// A visited instruction: its offset, opcode, the raw token of a token operand (else 0), and
    /// <paramref name="Operand"/>: the local or argument index of ldloc/stloc/ldarg forms (the
    /// short forms' implied index too), the target offset of a single branch, else 0.
    /// </summary>
    public readonly record struct Instruction(int Offset, OpCode OpCode, int Token, int Operand)
    {
        /// <summary>The targets of a switch (else empty).</summary>
        public int[] SwitchTargets { get; init; } = Array.Empty<int>();
    }

    public static IEnumerable<Instruction> Walk(byte[] il)
    {
        int pos = 0;
        while (pos < il.Length)
        {
            int offset = pos;
            OpCode op;
            byte first = il[pos++];
            if (first == 0xFE)
            {
                op = TwoByte[il[pos++]];
            }
            else
            {
                op = OneByte[first];
            }

            int token = 0;
            int operand = ImpliedIndex(op);
            int[] targets = Array.Empty<int>();
            switch (op.OperandType)
            {
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget:
                    operand = pos + 1 + (sbyte)il[pos];
                    pos += 1;
                    break;
                case OperandType.ShortInlineI:
                case OperandType.ShortInlineVar:
                    operand = il[pos];
                    pos += 1;
                    break;
                case OperandType.InlineVar:
                    operand = BitConverter.ToUInt16(il, pos);
                    pos += 2;
                    break;
                case OperandType.InlineI8:
                case OperandType.InlineR:
                    pos += 8;
                    break;
                case OperandType.InlineSwitch:
                    int count = BitConverter.ToInt32(il, pos);
                    int next = pos + 4 + (4 * count);
                    targets = new int[count];
                    for (int i = 0; i < count; i++)
                    {
                        targets[i] = next + BitConverter.ToInt32(il, pos + 4 + (4 * i));
                    }
                    pos = next;
                    break;
                case OperandType.InlineBrTarget:
                    operand = pos + 4 + BitConverter.ToInt32(il, pos);
                    pos += 4;
                    break;
                case OperandType.InlineField:
                case OperandType.InlineMethod:
                case OperandType.InlineTok:
                case OperandType.InlineType:
                case OperandType.InlineSig:
                    token = BitConverter.ToInt32(il, pos);
                    pos += 4;
                    break;
                default:
                    pos += 4;
                    break;
            }
            yield return new Instruction(offset, op, token, operand) { SwitchTargets = targets };
        }
    }

    // The index the short forms ldloc.0..3, stloc.0..3 and ldarg.0..3 carry in the opcode itself.
    private static int ImpliedIndex(OpCode op)
    {
        short v = op.Value;
        if (v >= OpCodes.Ldarg_0.Value && v <= OpCodes.Ldarg_3.Value)
        {
            return v - OpCodes.Ldarg_0.Value;
        }
        if (v >= OpCodes.Ldloc_0.Value && v <= OpCodes.Ldloc_3.Value)
        {
            return v - OpCodes.Ldloc_0.Value;
        }
        if (v >= OpCodes.Stloc_0.Value && v <= OpCodes.Stloc_3.Value)
        {
            return v - OpCodes.Stloc_0.Value;
        }
        return 0;
    }
}
