using System.Reflection;
using System.Reflection.Emit;

namespace Phytrace.Nano.ILAudit;

/// <summary>Walks a method body's IL, yielding each instruction's opcode and metadata token.</summary>
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

    /// <summary>A visited instruction: its opcode and, for token operands, the raw token (else 0).</summary>
    public readonly record struct Instruction(OpCode OpCode, int Token);

    public static IEnumerable<Instruction> Walk(byte[] il)
    {
        int pos = 0;
        while (pos < il.Length)
        {
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
            switch (op.OperandType)
            {
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget:
                case OperandType.ShortInlineI:
                case OperandType.ShortInlineVar:
                    pos += 1;
                    break;
                case OperandType.InlineVar:
                    pos += 2;
                    break;
                case OperandType.InlineI8:
                case OperandType.InlineR:
                    pos += 8;
                    break;
                case OperandType.InlineSwitch:
                    int count = BitConverter.ToInt32(il, pos);
                    pos += 4 + (4 * count);
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
            yield return new Instruction(op, token);
        }
    }
}
