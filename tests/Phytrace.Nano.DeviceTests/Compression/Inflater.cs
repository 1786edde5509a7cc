using System;
using Phytrace.Nano.Formats;

namespace Phytrace.Nano.DeviceTests.Compression
{
    /// <summary>
    /// A small inflater written from RFC 1951 (DEFLATE: stored, fixed and dynamic Huffman blocks)
    /// and RFC 1952 (gzip member: header fields, CRC-32 and ISIZE trailer), for the device tests to
    /// decode what the encoder produced on the device itself. It shares no code with the encoder;
    /// any malformed input throws InvalidOperationException saying what is wrong and where.
    /// </summary>
    public sealed class Inflater
    {
        private const int MaxBits = 15;

        private static readonly int[] LengthBase = { 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258 };
        private static readonly int[] LengthExtra = { 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0 };
        private static readonly int[] DistanceBase =
        {
            1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
        };
        private static readonly int[] DistanceExtra = { 0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13 };
        private static readonly int[] CodeLengthOrder = { 16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15 };

        // Canonical Huffman codes as counts per length and symbols in code order (RFC 1951 3.2.2).
        private readonly int[] literalCounts = new int[MaxBits + 1];
        private readonly int[] literalSymbols = new int[288];
        private readonly int[] distanceCounts = new int[MaxBits + 1];
        private readonly int[] distanceSymbols = new int[32];
        private readonly int[] lengths = new int[288 + 32];
        private readonly int[] offsets = new int[MaxBits + 2];

        private byte[] data;
        private int position;
        private int end;
        private int bits;
        private int bitCount;
        private byte[] output;
        private int written;

        /// <summary>
        /// Decodes the gzip member data[offset .. offset+count) into <paramref name="into"/>; returns
        /// the bytes written. Checks the header, the trailer's CRC-32 and ISIZE, and that nothing follows.
        /// </summary>
        public int Gunzip(byte[] source, int offset, int count, byte[] into)
        {
            data = source;
            position = offset;
            end = offset + count;
            bits = 0;
            bitCount = 0;
            output = into;
            written = 0;
            if (count < 18 || Byte() != 0x1F || Byte() != 0x8B)
            {
                throw Malformed("not a gzip member (ID1 ID2 are not 1F 8B)");
            }
            if (Byte() != 8)
            {
                throw Malformed("compression method is not deflate (8)");
            }
            int flags = Byte();
            if ((flags & 0xE0) != 0)
            {
                throw Malformed("reserved flag bits set");
            }
            position += 6; // MTIME, XFL, OS
            if ((flags & 0x04) != 0)
            {
                int extra = Byte() | (Byte() << 8);
                position += extra;
            }
            if ((flags & 0x08) != 0)
            {
                SkipZeroTerminated();
            }
            if ((flags & 0x10) != 0)
            {
                SkipZeroTerminated();
            }
            if ((flags & 0x02) != 0)
            {
                position += 2;
            }
            InflateBlocks();
            long crc = UInt32();
            long size = UInt32();
            long actual = Crc32.Compute(output, 0, written);
            if (crc != actual)
            {
                throw Malformed("trailer CRC-32 " + crc.ToString() + " is not the CRC-32 of the inflated bytes, " + actual.ToString());
            }
            if (size != written)
            {
                throw Malformed("trailer ISIZE " + size.ToString() + " but " + written.ToString() + " bytes inflated");
            }
            if (position != end)
            {
                throw Malformed((end - position).ToString() + " bytes follow the member");
            }
            return written;
        }

        private void InflateBlocks()
        {
            bool last;
            do
            {
                last = Bits(1) == 1;
                int type = Bits(2);
                if (type == 0)
                {
                    Stored();
                }
                else if (type == 1)
                {
                    FixedCodes();
                    Codes();
                }
                else if (type == 2)
                {
                    DynamicCodes();
                    Codes();
                }
                else
                {
                    throw Malformed("block type 3 is reserved");
                }
            }
            while (!last);
            // The trailer starts at the next byte boundary.
            bits = 0;
            bitCount = 0;
        }

        private void Stored()
        {
            bits = 0;
            bitCount = 0;
            int length = Byte() | (Byte() << 8);
            int complement = Byte() | (Byte() << 8);
            if ((length ^ 0xFFFF) != complement)
            {
                throw Malformed("stored block LEN " + length.ToString() + " and NLEN " + complement.ToString() + " do not match");
            }
            if (position + length > end || written + length > output.Length)
            {
                throw Malformed("stored block of " + length.ToString() + " bytes runs past the input or the output");
            }
            Array.Copy(data, position, output, written, length);
            position += length;
            written += length;
        }

        private void FixedCodes()
        {
            for (int i = 0; i < 288; i++)
            {
                lengths[i] = i < 144 ? 8 : (i < 256 ? 9 : (i < 280 ? 7 : 8));
            }
            Build(lengths, 0, 288, literalCounts, literalSymbols);
            for (int i = 0; i < 30; i++)
            {
                lengths[i] = 5;
            }
            Build(lengths, 0, 30, distanceCounts, distanceSymbols);
        }

        private void DynamicCodes()
        {
            int literals = Bits(5) + 257;
            int distances = Bits(5) + 1;
            int codeLengths = Bits(4) + 4;
            if (literals > 286 || distances > 30)
            {
                throw Malformed(literals.ToString() + " literal/length or " + distances.ToString() + " distance codes are too many");
            }
            for (int i = 0; i < 19; i++)
            {
                lengths[CodeLengthOrder[i]] = i < codeLengths ? Bits(3) : 0;
            }
            // The code-length code reuses the literal tables for a moment.
            Build(lengths, 0, 19, literalCounts, literalSymbols);
            int n = 0;
            while (n < literals + distances)
            {
                int symbol = Decode(literalCounts, literalSymbols);
                if (symbol < 16)
                {
                    lengths[n++] = symbol;
                    continue;
                }
                int repeat;
                int value = 0;
                if (symbol == 16)
                {
                    if (n == 0)
                    {
                        throw Malformed("code length 16 repeats nothing");
                    }
                    value = lengths[n - 1];
                    repeat = 3 + Bits(2);
                }
                else if (symbol == 17)
                {
                    repeat = 3 + Bits(3);
                }
                else
                {
                    repeat = 11 + Bits(7);
                }
                if (n + repeat > literals + distances)
                {
                    throw Malformed("code lengths run past the " + (literals + distances).ToString() + " codes");
                }
                for (int i = 0; i < repeat; i++)
                {
                    lengths[n++] = value;
                }
            }
            if (lengths[256] == 0)
            {
                throw Malformed("no code for end-of-block");
            }
            Build(lengths, 0, literals, literalCounts, literalSymbols);
            Build(lengths, literals, distances, distanceCounts, distanceSymbols);
        }

        private void Codes()
        {
            while (true)
            {
                int symbol = Decode(literalCounts, literalSymbols);
                if (symbol < 256)
                {
                    if (written == output.Length)
                    {
                        throw Malformed("output longer than " + output.Length.ToString() + " bytes");
                    }
                    output[written++] = (byte)symbol;
                    continue;
                }
                if (symbol == 256)
                {
                    return;
                }
                symbol -= 257;
                if (symbol >= 29)
                {
                    throw Malformed("length code " + (symbol + 257).ToString() + " is invalid");
                }
                int length = LengthBase[symbol] + Bits(LengthExtra[symbol]);
                int d = Decode(distanceCounts, distanceSymbols);
                if (d >= 30)
                {
                    throw Malformed("distance code " + d.ToString() + " is invalid");
                }
                int distance = DistanceBase[d] + Bits(DistanceExtra[d]);
                if (distance > written)
                {
                    throw Malformed("distance " + distance.ToString() + " reaches before the start of the output (" + written.ToString() + " bytes)");
                }
                if (written + length > output.Length)
                {
                    throw Malformed("output longer than " + output.Length.ToString() + " bytes");
                }
                for (int i = 0; i < length; i++)
                {
                    output[written] = output[written - distance];
                    written++;
                }
            }
        }

        // Counts per length and the symbols sorted by code; refuses an over-subscribed set of lengths.
        private void Build(int[] codeLengths, int first, int count, int[] counts, int[] symbols)
        {
            for (int len = 0; len <= MaxBits; len++)
            {
                counts[len] = 0;
            }
            for (int i = 0; i < count; i++)
            {
                counts[codeLengths[first + i]]++;
            }
            int left = 1;
            for (int len = 1; len <= MaxBits; len++)
            {
                left = (left << 1) - counts[len];
                if (left < 0)
                {
                    throw Malformed("over-subscribed Huffman code lengths");
                }
            }
            offsets[1] = 0;
            for (int len = 1; len < MaxBits; len++)
            {
                offsets[len + 1] = offsets[len] + counts[len];
            }
            for (int i = 0; i < count; i++)
            {
                int len = codeLengths[first + i];
                if (len != 0)
                {
                    symbols[offsets[len]++] = i;
                }
            }
        }

        // Reads one code, bit by bit, most significant code bit first (RFC 1951 3.1.1).
        private int Decode(int[] counts, int[] symbols)
        {
            int code = 0;
            int firstCode = 0;
            int index = 0;
            for (int len = 1; len <= MaxBits; len++)
            {
                code |= Bits(1);
                int count = counts[len];
                if (code - firstCode < count)
                {
                    return symbols[index + code - firstCode];
                }
                index += count;
                firstCode = (firstCode + count) << 1;
                code <<= 1;
            }
            throw Malformed("no Huffman code matches");
        }

        // The next n bits, least significant first.
        private int Bits(int n)
        {
            while (bitCount < n)
            {
                bits |= Byte() << bitCount;
                bitCount += 8;
            }
            int value = bits & ((1 << n) - 1);
            bits >>= n;
            bitCount -= n;
            return value;
        }

        private int Byte()
        {
            if (position >= end)
            {
                throw Malformed("input ends early");
            }
            return data[position++];
        }

        // A little-endian 32-bit field of the trailer.
        private long UInt32()
        {
            long value = 0;
            for (int i = 0; i < 4; i++)
            {
                long b = Byte();
                value |= b << (8 * i);
            }
            return value;
        }

        private void SkipZeroTerminated()
        {
            while (Byte() != 0)
            {
            }
        }

        private Exception Malformed(string what)
        {
            return new InvalidOperationException("malformed gzip at input byte " + position.ToString() + ": " + what);
        }
    }
}
