using System;

namespace Phytrace.Nano.Compression
{
    /// <summary>
    /// The LZ77 symbols of one DEFLATE block and their frequencies: the match loop
    /// (<see cref="GzipEncoder"/>) appends to it, <see cref="DeflateBlockWriter"/> codes it. Plain
    /// fields, written inline by the loop: on the device (an interpreter) a call per symbol cost as
    /// much as the rest of the loop's work for it.
    /// </summary>
    internal sealed class SymbolBuffer
    {
        /// <summary>A literal's byte, or a match's length - 3.</summary>
        public readonly byte[] Value;

        /// <summary>0 for a literal, else the match distance (1..32768); zero until written, so a literal may leave it.</summary>
        public readonly ushort[] Distance;

        /// <summary>Literal/length symbol counts (0..285; 256, end of block, is set when the block is written).</summary>
        public readonly int[] LiteralFrequency;

        /// <summary>Distance symbol counts (0..29).</summary>
        public readonly int[] DistanceFrequency;

        /// <summary>Symbols held.</summary>
        public int Count;

        /// <summary>A buffer of <paramref name="capacity"/> symbols (0: none, and no counts either).</summary>
        public SymbolBuffer(int capacity)
        {
            Value = new byte[capacity];
            Distance = new ushort[capacity];
            LiteralFrequency = new int[capacity > 0 ? DeflateTables.LiteralLengthSymbols : 0];
            DistanceFrequency = new int[capacity > 0 ? DeflateTables.DistanceSymbols : 0];
        }

        /// <summary>Symbols one block holds at most.</summary>
        public int Capacity
        {
            get { return Value.Length; }
        }

        /// <summary>Bytes of the arrays.</summary>
        public int WorkingBytes
        {
            get { return (Value.Length * 3) + ((LiteralFrequency.Length + DistanceFrequency.Length) * 4); }
        }

        public void AddLiteral(byte value)
        {
            Value[Count] = value;
            Distance[Count] = 0;
            Count++;
            LiteralFrequency[value]++;
        }

        public void AddMatch(int length, int distance)
        {
            Value[Count] = (byte)(length - DeflateTables.MinMatch);
            Distance[Count] = (ushort)distance;
            Count++;
            LiteralFrequency[257 + DeflateTables.LengthCodeOf[length]]++;
            DistanceFrequency[DeflateTables.DistanceCodeOf(distance)]++;
        }

        /// <summary>Empties the buffer and its counts.</summary>
        public void Clear()
        {
            Array.Clear(Distance, 0, Count);
            Count = 0;
            Array.Clear(LiteralFrequency, 0, LiteralFrequency.Length);
            Array.Clear(DistanceFrequency, 0, DistanceFrequency.Length);
        }
    }
}
