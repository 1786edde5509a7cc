using System;
using Phytrace.Nano.Formats;

namespace Phytrace.Nano.Compression
{
    /// <summary>
    /// A gzip (RFC 1952) encoder around DEFLATE (RFC 1951) for the device: LZ77 over a bounded
    /// window with hash chains, fixed or dynamic Huffman blocks or stored blocks per block,
    /// whichever is smallest, levels 0 (store) to 9; level 1, the fastest, writes fixed-code
    /// blocks in one pass (or stored ones where they would be smaller). All working memory is allocated in the
    /// constructor (<see cref="WorkingMemoryBytes"/>, about 16 KB with the defaults); Compress
    /// allocates nothing. Any gzip decoder, zlib included, reads the output. One instance is not
    /// thread-safe; give each thread its own.
    /// </summary>
    public sealed class GzipEncoder
    {
        /// <summary>Default LZ77 window: 4 KB (distance up to 4095). DEFLATE allows up to 32 KB.</summary>
        public const int DefaultWindowBits = 12;

        /// <summary>Default hash table: 512 heads.</summary>
        public const int DefaultHashBits = 9;

        /// <summary>Default symbols per block before it is written.</summary>
        public const int DefaultBlockSymbols = 768;

        /// <summary>gzip header (10 bytes) plus trailer (CRC-32 and ISIZE, 8 bytes).</summary>
        public const int GzipFramingBytes = 18;

        private const int StoredBlockHeaderBytes = 5;
        private const int MaxFixedBlockBytes = 4096;
        private const int MaxStoredLength = 65535;

        private readonly int level;
        private readonly int maxChain;
        private readonly int lazyBelow;
        private readonly int niceLength;
        private readonly int insertBelow;
        private readonly int skipShift;
        private readonly bool literalAfterMatch;
        private readonly bool fixedCodes;
        private readonly int fixedBlockBytes;
        private readonly byte[] trialBuffer;
        private readonly BitWriter trial = new BitWriter();
        private readonly MatchFinder finder;
        private readonly BitWriter writer = new BitWriter();
        private readonly DeflateBlockWriter blocks;

        /// <summary>An encoder at <paramref name="level"/> (0..9) with the default memory sizes.</summary>
        public GzipEncoder(int level)
            : this(level, DefaultWindowBits, DefaultHashBits, DefaultBlockSymbols)
        {
        }

        /// <summary>
        /// An encoder at <paramref name="level"/> (0 = stored only, 1 fastest .. 9 smallest) with a
        /// window of 2^<paramref name="windowBits"/> bytes (8..15), 2^<paramref name="hashBits"/>
        /// hash heads (8..15) and blocks of up to <paramref name="blockSymbols"/> symbols
        /// (256..16384). Smaller values use less memory and compress less.
        /// </summary>
        public GzipEncoder(int level, int windowBits, int hashBits, int blockSymbols)
        {
            if (level < CompressionLevels.Minimum || level > CompressionLevels.Maximum)
            {
                throw new ArgumentOutOfRangeException(nameof(level), "level must be 0 (stored) to 9 (smallest), got " + level.ToString());
            }
            if (windowBits < 8 || windowBits > 15)
            {
                throw new ArgumentOutOfRangeException(nameof(windowBits), "windowBits must be 8 to 15 (256 B to 32 KB window), got " + windowBits.ToString());
            }
            if (hashBits < 8 || hashBits > 15)
            {
                throw new ArgumentOutOfRangeException(nameof(hashBits), "hashBits must be 8 to 15, got " + hashBits.ToString());
            }
            if (blockSymbols < 256 || blockSymbols > 16384)
            {
                throw new ArgumentOutOfRangeException(nameof(blockSymbols), "blockSymbols must be 256 to 16384, got " + blockSymbols.ToString());
            }
            this.level = level;
            maxChain = CompressionLevels.MaxChain(level);
            lazyBelow = CompressionLevels.LazyMatchBelow(level);
            niceLength = CompressionLevels.StopAtLength(level);
            insertBelow = CompressionLevels.InsertWithinMatchBelow(level);
            skipShift = CompressionLevels.SkipAfterMissesShift(level);
            literalAfterMatch = CompressionLevels.LiteralAfterMatch(level);
            fixedCodes = CompressionLevels.WritesFixedCodes(level);
            // Level 0 never searches: it keeps only the block writer's tables, no window.
            finder = new MatchFinder(level == 0 ? 8 : windowBits, level == 0 ? 8 : hashBits, !fixedCodes);
            // Levels 0 and 1 buffer no symbols: the block writer only writes stored runs for them,
            // and allocates no symbol buffer, Huffman builder or code tables.
            blocks = new DeflateBlockWriter(writer, level <= 1 ? 0 : blockSymbols);
            if (fixedCodes)
            {
                // A fixed-code block covers about as much input as a buffered block of this many
                // symbols would at level 1 (2 bytes a symbol, counting matches and literals), at
                // most 4 KB, and is written on trial into a buffer big enough for its worst case
                // (9 bits a byte). With no code to send, a block boundary costs 10 bits, so
                // longer blocks would save nothing but spend trial memory: at 4 KB the level-1
                // encoder stays within 16 KB whatever the block size asked for.
                fixedBlockBytes = blockSymbols < MaxFixedBlockBytes / 2 ? 2 * blockSymbols : MaxFixedBlockBytes;
                trialBuffer = new byte[FixedTrialBytes(fixedBlockBytes)];
            }
            else
            {
                trialBuffer = new byte[0];
            }
        }

        /// <summary>The level this encoder was made for.</summary>
        public int Level
        {
            get { return level; }
        }

        /// <summary>Bytes of working memory this instance allocated (hash chains, block buffer, Huffman tables).</summary>
        public int WorkingMemoryBytes
        {
            get { return finder.WorkingBytes + blocks.WorkingBytes + trialBuffer.Length; }
        }

        /// <summary>Bytes of tables shared by all encoders (allocated once per process).</summary>
        public static int SharedTableBytes
        {
            get { return DeflateTables.StaticBytes; }
        }

        /// <summary>
        /// The most bytes <see cref="Compress"/> can produce for <paramref name="count"/> input
        /// bytes: the input itself, 5 bytes per stored block of up to 64 KB, one byte of bit
        /// padding, and the 18 bytes of gzip framing. An output buffer of this size never throws.
        /// </summary>
        public static int MaxCompressedSize(int count)
        {
            // Why this is a true bound. The blocks of the DEFLATE stream come in two kinds
            // (DeflateBlockWriter): a compressed block covering L > 0 bytes is written only if it
            // takes at most 8L - 48 bits, and consecutive stored blocks are merged into runs
            // written as chunks of at most 65535 bytes. A chunk costs 8 bits per byte plus its
            // header: 3 bits, padding to a byte boundary, LEN and NLEN. It starts byte-aligned
            // (40 header bits) when it opens the stream or follows another chunk; only the first
            // chunk of a run after a compressed block starts mid-byte, costing at most 10 + 32 = 42
            // bits, which that compressed block's 48 saved bits pay for. Chunks beyond the first
            // of each run number at most count / 65535 in all, so the stream takes at most
            // 8 count + 40 (count / 65535 + 1) bits plus at most 7 bits of final padding, i.e.
            // count + 5 (count / 65535 + 1) + 1 bytes. Empty input is one empty fixed block, 2 bytes.
            // The encoder's capacity checks (BitWriter) throw only when the bytes really written
            // would pass the end, never ahead of it, so a buffer this size is always enough.
            if (count < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(count), "count must not be negative, got " + count.ToString());
            }
            return GzipFramingBytes + count + (StoredBlockHeaderBytes * ((count / MaxStoredLength) + 1)) + 1;
        }

        /// <summary>
        /// Compresses input[offset .. offset+count) into a complete gzip member at
        /// output[outputOffset ..]; returns the bytes written. Throws
        /// <see cref="CompressionOutputTooSmallException"/> if more than
        /// <paramref name="outputCapacity"/> bytes would be needed (never with
        /// <see cref="MaxCompressedSize"/> bytes).
        /// </summary>
        public int Compress(byte[] input, int offset, int count, byte[] output, int outputOffset, int outputCapacity)
        {
            if (input == null)
            {
                throw new ArgumentNullException(nameof(input));
            }
            if (output == null)
            {
                throw new ArgumentNullException(nameof(output));
            }
            if (offset < 0 || count < 0 || offset > input.Length - count)
            {
                throw new ArgumentOutOfRangeException(nameof(count), "offset and count must lie inside input (length " + input.Length.ToString() + ")");
            }
            if (outputOffset < 0 || outputCapacity < 0 || outputOffset > output.Length - outputCapacity)
            {
                throw new ArgumentOutOfRangeException(nameof(outputCapacity), "outputOffset and outputCapacity must lie inside output (length " + output.Length.ToString() + ")");
            }
            writer.Reset(output, outputOffset, outputCapacity);
            WriteHeader();
            blocks.Reset();
            if (level == 0)
            {
                blocks.WriteAllStored(input, offset, count);
            }
            else
            {
                Deflate(input, offset, count);
            }
            writer.AlignToByte();
            writer.WriteUInt32LittleEndian(Crc32.Compute(input, offset, count));
            writer.WriteUInt32LittleEndian((uint)count);
            return writer.BytesWritten;
        }

        // RFC 1952 2.3: magic, CM = 8 (deflate), no flags, MTIME 0 (not known), XFL, OS 255 (unknown).
        private void WriteHeader()
        {
            writer.PutByte(0x1F);
            writer.PutByte(0x8B);
            writer.PutByte(8);
            writer.PutByte(0);
            writer.PutByte(0);
            writer.PutByte(0);
            writer.PutByte(0);
            writer.PutByte(0);
            writer.PutByte((byte)(level >= 9 ? 2 : level == 1 ? 4 : 0));
            writer.PutByte(255);
        }

        private void Deflate(byte[] input, int offset, int count)
        {
            finder.Reset(input, offset, count);
            if (fixedCodes)
            {
                DeflateFixed(input, offset, count);
            }
            else if (lazyBelow == 0)
            {
                DeflateGreedy(input, offset, count);
            }
            else
            {
                DeflateLazy(input, offset, count);
            }
        }

        // The trial buffer of a fixed-code block of nominally 'blockBytes' input bytes: a block may
        // run 258 bytes past its end (a match started before it, then its literal); no byte costs
        // more than 9 bits (a literal; a match of 4 bytes or more costs at most 31 bits); plus the
        // bits waiting from before (15), the header (3) and the end of block (7), rounded up.
        private static int FixedTrialBytes(int blockBytes)
        {
            return ((((blockBytes + 259) * 9) + 25) / 8) + 2;
        }

        // Level 1: each block is parsed and written in one pass with the fixed Huffman code
        // (MatchFinder.ParseFixedCodes), on trial into a buffer of its own, then copied to the
        // output, or, if it did not save 48 bits over storing the bytes, stored instead
        // (DeflateBlockWriter's rule, which MaxCompressedSize rests on). The trial buffer makes the
        // choice independent of the output's capacity, so an output buffer of exactly the
        // compressed size gives the same bytes.
        private void DeflateFixed(byte[] input, int offset, int count)
        {
            int end = offset + count;
            int blockStart = offset;
            ushort endOfBlock = DeflateTables.FixedLiteralCodes[DeflateTables.EndOfBlock];
            int endOfBlockBits = DeflateTables.FixedLiteralLengths[DeflateTables.EndOfBlock];
            while (true)
            {
                int blockEnd = end - blockStart > fixedBlockBytes ? blockStart + fixedBlockBytes : end;
                bool isFinal = blockEnd == end;
                trial.Reset(trialBuffer, 0, trialBuffer.Length);
                if (!blocks.HasPendingStored)
                {
                    trial.ContinueFrom(writer);
                }
                // else the stored run waiting is written first if this block is kept, and a
                // stored block ends on a byte boundary: the block starts with no bits waiting.
                long before = trial.BitsWritten;
                // BFINAL, then BTYPE 01 (fixed codes), low bit first.
                trial.WriteBits(isFinal ? 3 : 2, 3);
                int position = finder.ParseFixedCodes(blockStart, blockEnd, trial, skipShift);
                if (isFinal)
                {
                    // The input's last bytes, which no 4-byte read covers.
                    while (position < end)
                    {
                        int literal = input[position++];
                        trial.WriteBits(DeflateTables.FixedLiteralCodes[literal], DeflateTables.FixedLiteralLengths[literal]);
                    }
                }
                trial.WriteBits(endOfBlock, endOfBlockBits);
                long bits = trial.BitsWritten - before;
                int length = position - blockStart;
                if (length > 0 && bits > (8L * length) - 48)
                {
                    // A block that ran to the end of the input is the last, whatever it was meant to be.
                    bool last = position >= end;
                    blocks.AddStored(input, blockStart, length, last);
                    if (last)
                    {
                        return;
                    }
                }
                else
                {
                    // A block that ran to the end without being marked final is followed by an
                    // empty final block (10 bits), which the 48 bits it saved pay for.
                    blocks.FlushPendingStored();
                    writer.Append(trial);
                    if (isFinal)
                    {
                        return;
                    }
                }
                blockStart = position;
            }
        }

        // Levels 2 and 3: the match found at each position is taken (MatchFinder.ParseGreedy), a
        // block written whenever the symbol buffer fills.
        private void DeflateGreedy(byte[] input, int offset, int count)
        {
            int end = offset + count;
            int blockStart = offset;
            while (true)
            {
                int position = finder.ParseGreedy(blockStart, blocks.Symbols, maxChain, niceLength, insertBelow, skipShift, literalAfterMatch);
                bool isFinal = position >= end;
                blocks.WriteBlock(input, blockStart, position - blockStart, isFinal);
                if (isFinal)
                {
                    return;
                }
                blockStart = position;
            }
        }

        // Levels 4 to 9: a match is emitted only if the next position does not start a longer one.
        private void DeflateLazy(byte[] input, int offset, int count)
        {
            int end = offset + count;
            SymbolBuffer symbols = blocks.Symbols;
            int blockStart = offset;
            int position = offset;
            bool haveMatch = false;
            int matchLength = 0;
            int matchDistance = 0;
            while (position < end)
            {
                if (!haveMatch)
                {
                    finder.FindAndInsert(position, 0, maxChain, niceLength);
                    matchLength = finder.MatchLength;
                    matchDistance = finder.MatchDistance;
                    haveMatch = true;
                }
                if (matchLength >= DeflateTables.MinMatch && matchLength < lazyBelow && position + 1 < end)
                {
                    // Lazy matching: if the next byte starts a longer match, emit this byte as a literal.
                    int chain = matchLength >= 16 ? maxChain >> 2 : maxChain;
                    finder.FindAndInsert(position + 1, matchLength, chain, niceLength);
                    if (finder.MatchLength > matchLength)
                    {
                        symbols.AddLiteral(input[position]);
                        position++;
                        matchLength = finder.MatchLength;
                        matchDistance = finder.MatchDistance;
                    }
                    else
                    {
                        symbols.AddMatch(matchLength, matchDistance);
                        finder.InsertRange(position + 2, position + matchLength);
                        position += matchLength;
                        haveMatch = false;
                    }
                }
                else if (matchLength >= DeflateTables.MinMatch)
                {
                    symbols.AddMatch(matchLength, matchDistance);
                    if (matchLength < insertBelow)
                    {
                        finder.InsertRange(position + 1, position + matchLength);
                    }
                    position += matchLength;
                    haveMatch = false;
                }
                else
                {
                    symbols.AddLiteral(input[position]);
                    position++;
                    haveMatch = false;
                }
                if (symbols.Count == symbols.Capacity && position < end)
                {
                    blocks.WriteBlock(input, blockStart, position - blockStart, false);
                    blockStart = position;
                }
            }
            blocks.WriteBlock(input, blockStart, position - blockStart, true);
        }
    }
}
