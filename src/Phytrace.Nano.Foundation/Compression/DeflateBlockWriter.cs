namespace Phytrace.Nano.Compression
{
    /// <summary>
    /// Collects LZ77 symbols for one DEFLATE block and writes the block in whichever form is
    /// smallest (RFC 1951 3.2.4 stored, 3.2.6 fixed Huffman, 3.2.7 dynamic Huffman). Stored
    /// blocks copy straight from the caller's input, and consecutive stored blocks are merged
    /// (up to 65535 bytes each), so incompressible input costs 5 bytes per 64 KB.
    /// </summary>
    internal sealed class DeflateBlockWriter
    {
        private const int MaxStoredLength = 65535;

        // A compressed block must save at least this many bits over raw bytes; that pays for the
        // header of a stored block that may follow it, which is what bounds the worst case.
        private const int CompressedBlockMinimumSavingBits = 48;

        private readonly BitWriter output;
        private readonly HuffmanCodeBuilder builder;

        // Symbol buffer: a literal is (byte, 0); a match is (length - 3, distance).
        private readonly byte[] symbolValue;
        private readonly ushort[] symbolDistance;
        private int symbolCount;

        private readonly int[] literalFrequency = new int[DeflateTables.LiteralLengthSymbols];
        private readonly int[] distanceFrequency = new int[DeflateTables.DistanceSymbols];
        private readonly int[] codeLengthFrequency = new int[DeflateTables.CodeLengthSymbols];
        private readonly byte[] literalLengths = new byte[DeflateTables.LiteralLengthSymbols];
        private readonly byte[] distanceLengths = new byte[DeflateTables.DistanceSymbols];
        private readonly byte[] codeLengthLengths = new byte[DeflateTables.CodeLengthSymbols];
        private readonly ushort[] literalCodes = new ushort[DeflateTables.LiteralLengthSymbols];
        private readonly ushort[] distanceCodes = new ushort[DeflateTables.DistanceSymbols];
        private readonly ushort[] codeLengthCodes = new ushort[DeflateTables.CodeLengthSymbols];

        // The run-length coded sequence of code lengths (symbols 0..18 with their extra bits).
        private readonly byte[] runSymbols = new byte[DeflateTables.LiteralLengthSymbols + DeflateTables.DistanceSymbols];
        private readonly byte[] runExtra = new byte[DeflateTables.LiteralLengthSymbols + DeflateTables.DistanceSymbols];
        private int runCount;
        private int literalCodeCount;
        private int distanceCodeCount;
        private int codeLengthCodeCount;

        // A stored run not yet written: input[pendingStart .. pendingStart+pendingLength).
        private byte[] pendingInput = new byte[0];
        private int pendingStart;
        private int pendingLength;

        public DeflateBlockWriter(BitWriter output, int blockSymbols)
        {
            this.output = output;
            builder = new HuffmanCodeBuilder(DeflateTables.LiteralLengthSymbols);
            symbolValue = new byte[blockSymbols];
            symbolDistance = new ushort[blockSymbols];
        }

        /// <summary>Bytes of buffers and tables this writer holds.</summary>
        public int WorkingBytes
        {
            get
            {
                return (symbolValue.Length * 3) + builder.WorkingBytes
                    + ((literalFrequency.Length + distanceFrequency.Length + codeLengthFrequency.Length) * 4)
                    + ((literalLengths.Length + distanceLengths.Length + codeLengthLengths.Length) * 3)
                    + runSymbols.Length + runExtra.Length;
            }
        }

        /// <summary>True when the symbol buffer is full and the block must be written.</summary>
        public bool IsFull
        {
            get { return symbolCount == symbolValue.Length; }
        }

        /// <summary>Forgets any state of a previous stream.</summary>
        public void Reset()
        {
            symbolCount = 0;
            pendingLength = 0;
            ClearFrequencies();
        }

        public void AddLiteral(byte value)
        {
            symbolValue[symbolCount] = value;
            symbolDistance[symbolCount] = 0;
            symbolCount++;
            literalFrequency[value]++;
        }

        public void AddMatch(int length, int distance)
        {
            symbolValue[symbolCount] = (byte)(length - DeflateTables.MinMatch);
            symbolDistance[symbolCount] = (ushort)distance;
            symbolCount++;
            literalFrequency[257 + DeflateTables.LengthCodeOf[length]]++;
            distanceFrequency[DeflateTables.DistanceCodeOf(distance)]++;
        }

        /// <summary>
        /// Writes the buffered symbols, which encode input[blockStart .. blockStart+blockLength),
        /// as the cheapest block type; <paramref name="isFinal"/> sets BFINAL on the last block.
        /// </summary>
        public void WriteBlock(byte[] input, int blockStart, int blockLength, bool isFinal)
        {
            literalFrequency[DeflateTables.EndOfBlock] = 1;
            long extraBits = ExtraBitsOfSymbols();
            long fixedBits = 3 + extraBits + CostOf(literalFrequency, DeflateTables.FixedLiteralLengths, DeflateTables.LiteralLengthSymbols)
                + CostOf(distanceFrequency, DeflateTables.FixedDistanceLengths, DeflateTables.DistanceSymbols);
            long dynamicBits = 3 + extraBits + PrepareDynamicCodes();
            long storedBits = 8L * blockLength;

            bool useDynamic = dynamicBits < fixedBits;
            long compressedBits = useDynamic ? dynamicBits : fixedBits;
            if (blockLength > 0 && compressedBits > storedBits - CompressedBlockMinimumSavingBits)
            {
                AppendStored(input, blockStart, blockLength);
                if (isFinal)
                {
                    FlushStored(true);
                }
            }
            else
            {
                FlushStored(false);
                output.WriteBits(isFinal ? 1 : 0, 1);
                if (useDynamic)
                {
                    output.WriteBits(2, 2);
                    WriteDynamicHeader();
                    WriteSymbols(literalCodes, literalLengths, distanceCodes, distanceLengths);
                }
                else
                {
                    output.WriteBits(1, 2);
                    WriteSymbols(DeflateTables.FixedLiteralCodes, DeflateTables.FixedLiteralLengths, DeflateTables.FixedDistanceCodes, DeflateTables.FixedDistanceLengths);
                }
            }
            symbolCount = 0;
            ClearFrequencies();
        }

        /// <summary>Writes input[start .. start+length) as stored blocks (level 0), the last one final.</summary>
        public void WriteAllStored(byte[] input, int start, int length)
        {
            AppendStored(input, start, length);
            FlushStored(true);
        }

        private void AppendStored(byte[] input, int start, int length)
        {
            if (pendingLength == 0)
            {
                pendingInput = input;
                pendingStart = start;
            }
            pendingLength += length;
        }

        // Writes the pending stored run in chunks of at most 65535 bytes. With isFinal, always
        // writes at least one (possibly empty) block carrying BFINAL.
        private void FlushStored(bool isFinal)
        {
            if (pendingLength == 0 && !isFinal)
            {
                return;
            }
            int at = pendingStart;
            int left = pendingLength;
            do
            {
                int chunk = left > MaxStoredLength ? MaxStoredLength : left;
                left -= chunk;
                output.WriteBits(isFinal && left == 0 ? 1 : 0, 1);
                output.WriteBits(0, 2);
                output.AlignToByte();
                output.WriteUInt16LittleEndian(chunk);
                output.WriteUInt16LittleEndian(~chunk & 0xFFFF);
                output.WriteBytes(pendingInput, at, chunk);
                at += chunk;
            }
            while (left > 0);
            pendingLength = 0;
        }

        private void ClearFrequencies()
        {
            System.Array.Clear(literalFrequency, 0, literalFrequency.Length);
            System.Array.Clear(distanceFrequency, 0, distanceFrequency.Length);
        }

        private long ExtraBitsOfSymbols()
        {
            long bits = 0;
            for (int i = 0; i < 29; i++)
            {
                bits += (long)literalFrequency[257 + i] * DeflateTables.LengthExtraBits[i];
            }
            for (int i = 0; i < DeflateTables.DistanceSymbols; i++)
            {
                bits += (long)distanceFrequency[i] * DeflateTables.DistanceExtraBits[i];
            }
            return bits;
        }

        private static long CostOf(int[] frequency, byte[] lengths, int count)
        {
            long bits = 0;
            for (int i = 0; i < count; i++)
            {
                bits += (long)frequency[i] * lengths[i];
            }
            return bits;
        }

        // Builds the dynamic codes and the run-length coded header; returns the header's bits plus
        // the bits of the Huffman-coded symbols (extra bits excluded).
        private long PrepareDynamicCodes()
        {
            builder.BuildLengths(literalFrequency, DeflateTables.LiteralLengthSymbols, DeflateTables.MaxBits, literalLengths);
            builder.BuildLengths(distanceFrequency, DeflateTables.DistanceSymbols, DeflateTables.MaxBits, distanceLengths);
            literalCodeCount = DeflateTables.LiteralLengthSymbols;
            while (literalCodeCount > 257 && literalLengths[literalCodeCount - 1] == 0)
            {
                literalCodeCount--;
            }
            distanceCodeCount = DeflateTables.DistanceSymbols;
            while (distanceCodeCount > 1 && distanceLengths[distanceCodeCount - 1] == 0)
            {
                distanceCodeCount--;
            }

            System.Array.Clear(codeLengthFrequency, 0, codeLengthFrequency.Length);
            RunLengthEncodeLengths();
            builder.BuildLengths(codeLengthFrequency, DeflateTables.CodeLengthSymbols, DeflateTables.MaxCodeLengthBits, codeLengthLengths);
            codeLengthCodeCount = DeflateTables.CodeLengthSymbols;
            while (codeLengthCodeCount > 4 && codeLengthLengths[DeflateTables.CodeLengthOrder[codeLengthCodeCount - 1]] == 0)
            {
                codeLengthCodeCount--;
            }

            long bits = 5 + 5 + 4 + (3L * codeLengthCodeCount);
            for (int i = 0; i < runCount; i++)
            {
                int symbol = runSymbols[i];
                bits += codeLengthLengths[symbol] + (symbol == 16 ? 2 : symbol == 17 ? 3 : symbol == 18 ? 7 : 0);
            }
            bits += CostOf(literalFrequency, literalLengths, DeflateTables.LiteralLengthSymbols);
            bits += CostOf(distanceFrequency, distanceLengths, DeflateTables.DistanceSymbols);
            return bits;
        }

        private int LengthAt(int index)
        {
            return index < literalCodeCount ? literalLengths[index] : distanceLengths[index - literalCodeCount];
        }

        // RFC 1951 3.2.7: the literal/length and distance code lengths form one sequence, coded
        // with 16 (repeat previous 3-6 times), 17 (3-10 zeros) and 18 (11-138 zeros).
        private void RunLengthEncodeLengths()
        {
            runCount = 0;
            int total = literalCodeCount + distanceCodeCount;
            int i = 0;
            while (i < total)
            {
                int length = LengthAt(i);
                int run = 1;
                while (i + run < total && LengthAt(i + run) == length)
                {
                    run++;
                }
                i += run;
                if (length == 0)
                {
                    while (run >= 11)
                    {
                        int n = run > 138 ? 138 : run;
                        AddRun(18, n - 11);
                        run -= n;
                    }
                    if (run >= 3)
                    {
                        AddRun(17, run - 3);
                        run = 0;
                    }
                }
                else
                {
                    AddRun(length, 0);
                    run--;
                    while (run >= 3)
                    {
                        int n = run > 6 ? 6 : run;
                        AddRun(16, n - 3);
                        run -= n;
                    }
                }
                while (run > 0)
                {
                    AddRun(length, 0);
                    run--;
                }
            }
        }

        private void AddRun(int symbol, int extra)
        {
            runSymbols[runCount] = (byte)symbol;
            runExtra[runCount] = (byte)extra;
            runCount++;
            codeLengthFrequency[symbol]++;
        }

        private void WriteDynamicHeader()
        {
            builder.AssignCodes(literalLengths, DeflateTables.LiteralLengthSymbols, literalCodes);
            builder.AssignCodes(distanceLengths, DeflateTables.DistanceSymbols, distanceCodes);
            builder.AssignCodes(codeLengthLengths, DeflateTables.CodeLengthSymbols, codeLengthCodes);
            output.WriteBits(literalCodeCount - 257, 5);
            output.WriteBits(distanceCodeCount - 1, 5);
            output.WriteBits(codeLengthCodeCount - 4, 4);
            for (int i = 0; i < codeLengthCodeCount; i++)
            {
                output.WriteBits(codeLengthLengths[DeflateTables.CodeLengthOrder[i]], 3);
            }
            for (int i = 0; i < runCount; i++)
            {
                int symbol = runSymbols[i];
                output.WriteBits(codeLengthCodes[symbol], codeLengthLengths[symbol]);
                if (symbol >= 16)
                {
                    output.WriteBits(runExtra[i], symbol == 16 ? 2 : symbol == 17 ? 3 : 7);
                }
            }
        }

        private void WriteSymbols(ushort[] litCodes, byte[] litLengths, ushort[] distCodes, byte[] distLengths)
        {
            for (int i = 0; i < symbolCount; i++)
            {
                int distance = symbolDistance[i];
                int value = symbolValue[i];
                if (distance == 0)
                {
                    output.WriteBits(litCodes[value], litLengths[value]);
                    continue;
                }
                int length = value + DeflateTables.MinMatch;
                int lengthCode = DeflateTables.LengthCodeOf[length];
                output.WriteBits(litCodes[257 + lengthCode], litLengths[257 + lengthCode]);
                int lengthExtra = DeflateTables.LengthExtraBits[lengthCode];
                if (lengthExtra > 0)
                {
                    output.WriteBits(length - DeflateTables.LengthBase[lengthCode], lengthExtra);
                }
                int distanceCode = DeflateTables.DistanceCodeOf(distance);
                output.WriteBits(distCodes[distanceCode], distLengths[distanceCode]);
                int distanceExtra = DeflateTables.DistanceExtraBits[distanceCode];
                if (distanceExtra > 0)
                {
                    output.WriteBits(distance - DeflateTables.DistanceBase[distanceCode], distanceExtra);
                }
            }
            output.WriteBits(litCodes[DeflateTables.EndOfBlock], litLengths[DeflateTables.EndOfBlock]);
        }
    }
}
