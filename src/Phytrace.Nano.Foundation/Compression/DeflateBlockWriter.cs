namespace Phytrace.Nano.Compression
{
    /// <summary>
    /// Writes the LZ77 symbols of one DEFLATE block (<see cref="SymbolBuffer"/>) in whichever form
    /// is smallest (RFC 1951 3.2.4 stored, 3.2.6 fixed Huffman, 3.2.7 dynamic Huffman). Stored
    /// blocks copy straight from the caller's input, and consecutive stored blocks are merged
    /// (up to 65535 bytes each), so incompressible input costs 5 bytes per 64 KB.
    /// </summary>
    internal sealed class DeflateBlockWriter
    {
        private const int MaxStoredLength = 65535;

        // A compressed block must save at least this many bits over raw bytes; that pays for the
        // header of a stored block that may follow it (at most 42 bits when it starts mid-byte),
        // which is what bounds the worst case (GzipEncoder.MaxCompressedSize says how).
        private const int CompressedBlockMinimumSavingBits = 48;

        private readonly BitWriter output;
        private readonly HuffmanCodeBuilder builder;

        private readonly SymbolBuffer symbols;
        private readonly int[] literalFrequency;
        private readonly int[] distanceFrequency;
        private readonly int[] codeLengthFrequency;
        private readonly byte[] literalLengths;
        private readonly byte[] distanceLengths;
        private readonly byte[] codeLengthLengths;
        private readonly ushort[] literalCodes;
        private readonly ushort[] distanceCodes;
        private readonly ushort[] codeLengthCodes;

        // The literal/length and distance code lengths as one sequence, run-length coded in place
        // into symbols 0..18 (a run never takes more symbols than the lengths it covers, so the
        // symbols never overtake the lengths still to be read), and the symbols' extra bits. One
        // array for both keeps the default encoder within 16 KB.
        private readonly byte[] runSymbols;
        private readonly byte[] runExtra;
        private int runCount;
        private int literalCodeCount;
        private int distanceCodeCount;
        private int codeLengthCodeCount;

        // A stored run not yet written: input[pendingStart .. pendingStart+pendingLength).
        private byte[] pendingInput = new byte[0];
        private int pendingStart;
        private int pendingLength;

        /// <summary>
        /// A writer onto <paramref name="output"/> whose blocks hold up to
        /// <paramref name="blockSymbols"/> symbols; 0 makes a writer of stored runs only
        /// (<see cref="AddStored"/>, <see cref="WriteAllStored"/>), as levels 0 and 1 use it, which
        /// allocates none of the symbol buffer, code tables and Huffman builder (about 4 KB).
        /// </summary>
        public DeflateBlockWriter(BitWriter output, int blockSymbols)
        {
            this.output = output;
            bool coded = blockSymbols > 0;
            int literals = coded ? DeflateTables.LiteralLengthSymbols : 0;
            int distances = coded ? DeflateTables.DistanceSymbols : 0;
            int codeLengths = coded ? DeflateTables.CodeLengthSymbols : 0;
            builder = new HuffmanCodeBuilder(literals);
            symbols = new SymbolBuffer(blockSymbols);
            literalFrequency = symbols.LiteralFrequency;
            distanceFrequency = symbols.DistanceFrequency;
            codeLengthFrequency = new int[codeLengths];
            literalLengths = new byte[literals];
            distanceLengths = new byte[distances];
            codeLengthLengths = new byte[codeLengths];
            literalCodes = new ushort[literals];
            distanceCodes = new ushort[distances];
            codeLengthCodes = new ushort[codeLengths];
            runSymbols = new byte[literals + distances];
            runExtra = new byte[literals + distances];
        }

        /// <summary>The block's symbols, which the match loop appends to.</summary>
        public SymbolBuffer Symbols
        {
            get { return symbols; }
        }

        /// <summary>Bytes of buffers and tables this writer holds.</summary>
        public int WorkingBytes
        {
            get
            {
                return symbols.WorkingBytes + builder.WorkingBytes + (codeLengthFrequency.Length * 4)
                    + ((literalLengths.Length + distanceLengths.Length + codeLengthLengths.Length) * 3)
                    + runSymbols.Length + runExtra.Length;
            }
        }

        /// <summary>Forgets any state of a previous stream.</summary>
        public void Reset()
        {
            symbols.Clear();
            pendingLength = 0;
        }

        /// <summary>
        /// Writes the buffered symbols, which encode input[blockStart .. blockStart+blockLength),
        /// as the cheapest block type; <paramref name="isFinal"/> sets BFINAL on the last block.
        /// </summary>
        public void WriteBlock(byte[] input, int blockStart, int blockLength, bool isFinal)
        {
            if (symbols.Capacity == 0)
            {
                throw new System.InvalidOperationException("this block writer was made for stored runs only (0 block symbols)");
            }
            literalFrequency[DeflateTables.EndOfBlock] = 1;
            long extraBits = ExtraBitsOfSymbols();
            long dynamicHeaderBits = PrepareDynamicCodes();
            // Both codes' costs in one pass over the symbols in use (most are not).
            long fixedBits = 3 + extraBits;
            long dynamicBits = 3 + extraBits + dynamicHeaderBits;
            byte[] fixedLengths = DeflateTables.FixedLiteralLengths;
            for (int i = 0; i < DeflateTables.LiteralLengthSymbols; i++)
            {
                int f = literalFrequency[i];
                if (f != 0)
                {
                    fixedBits += (long)f * fixedLengths[i];
                    dynamicBits += (long)f * literalLengths[i];
                }
            }
            for (int i = 0; i < DeflateTables.DistanceSymbols; i++)
            {
                int f = distanceFrequency[i];
                if (f != 0)
                {
                    fixedBits += f * 5L;
                    dynamicBits += (long)f * distanceLengths[i];
                }
            }
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
                // What follows the headers: the block's bits less the 3 header bits and the dynamic code header.
                long symbolBits = compressedBits - 3 - (useDynamic ? dynamicHeaderBits : 0);
                if (useDynamic)
                {
                    output.WriteBits(2, 2);
                    WriteDynamicHeader();
                    output.WriteSymbols(symbols.Value, symbols.Distance, symbols.Count, symbolBits,
                        literalCodes, literalLengths, distanceCodes, distanceLengths);
                }
                else
                {
                    output.WriteBits(1, 2);
                    output.WriteSymbols(symbols.Value, symbols.Distance, symbols.Count, symbolBits,
                        DeflateTables.FixedLiteralCodes, DeflateTables.FixedLiteralLengths, DeflateTables.FixedDistanceCodes, DeflateTables.FixedDistanceLengths);
                }
            }
            symbols.Clear();
        }

        /// <summary>Writes input[start .. start+length) as stored blocks (level 0), the last one final.</summary>
        public void WriteAllStored(byte[] input, int start, int length)
        {
            AddStored(input, start, length, true);
        }

        /// <summary>
        /// Adds input[start .. start+length) to the stored run waiting to be written (a block that
        /// compressed too little, GzipEncoder's fixed-code path); with <paramref name="isFinal"/>,
        /// writes the run, its last block final.
        /// </summary>
        public void AddStored(byte[] input, int start, int length, bool isFinal)
        {
            AppendStored(input, start, length);
            if (isFinal)
            {
                FlushStored(true);
            }
        }

        /// <summary>Whether a stored run waits to be written (consecutive stored blocks are merged).</summary>
        public bool HasPendingStored
        {
            get { return pendingLength != 0; }
        }

        /// <summary>Writes the stored run waiting, if any: a block written by the caller follows it.</summary>
        public void FlushPendingStored()
        {
            FlushStored(false);
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

        // Builds the dynamic codes and the run-length coded header; returns the header's bits.
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
            return bits;
        }

        // RFC 1951 3.2.7: the literal/length and distance code lengths form one sequence, coded
        // with 16 (repeat previous 3-6 times), 17 (3-10 zeros) and 18 (11-138 zeros).
        private void RunLengthEncodeLengths()
        {
            runCount = 0;
            int total = literalCodeCount + distanceCodeCount;
            byte[] all = runSymbols;
            System.Array.Copy(literalLengths, 0, all, 0, literalCodeCount);
            System.Array.Copy(distanceLengths, 0, all, literalCodeCount, distanceCodeCount);
            int i = 0;
            while (i < total)
            {
                // All of this group is read before its symbols are written, at most at i + run - 1.
                int length = all[i];
                int run = 1;
                while (i + run < total && all[i + run] == length)
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
    }
}
