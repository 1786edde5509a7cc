namespace Phytrace.Nano.Compression
{
    /// <summary>
    /// Writes DEFLATE's bit stream (RFC 1951 3.1.1: least significant bit first) into a caller's
    /// byte array, checking the capacity as it goes. Bits collect in a 32-bit buffer and leave two
    /// bytes at a time; <see cref="WriteSymbols"/> writes a block's symbols in one loop with the
    /// buffer in locals, because on the device (an interpreter) the calls per symbol and per byte
    /// were most of the time gzip took.
    /// </summary>
    internal sealed class BitWriter
    {
        private byte[] output = new byte[0];
        private int start;
        private int position;
        private int limit;
        private uint bitBuffer;
        private int bitCount;

        /// <summary>Starts writing at output[offset], never past offset + capacity.</summary>
        public void Reset(byte[] buffer, int offset, int capacity)
        {
            output = buffer;
            start = offset;
            position = offset;
            limit = offset + capacity;
            bitBuffer = 0;
            bitCount = 0;
        }

        /// <summary>Bytes completed so far (pending bits not included).</summary>
        public int BytesWritten
        {
            get { return position - start; }
        }

        /// <summary>Appends the low <paramref name="count"/> bits (at most 16) of <paramref name="value"/>.</summary>
        public void WriteBits(int value, int count)
        {
            // At most 15 bits wait in the buffer, so 16 more always fit in 32.
            bitBuffer |= (uint)value << bitCount;
            bitCount += count;
            if (bitCount >= 16)
            {
                if (limit - position < 2)
                {
                    ThrowFull();
                }
                output[position] = (byte)bitBuffer;
                output[position + 1] = (byte)(bitBuffer >> 8);
                position += 2;
                bitBuffer >>= 16;
                bitCount -= 16;
            }
        }

        /// <summary>Bits written since <see cref="Reset"/>, those waiting included.</summary>
        public long BitsWritten
        {
            get { return ((long)(position - start) * 8) + bitCount; }
        }

        /// <summary>The array written to (for a loop that writes bits inline: <see cref="MatchFinder.ParseFixedCodes"/>).</summary>
        public byte[] Output
        {
            get { return output; }
        }

        /// <summary>Index of the next byte to write.</summary>
        public int Position
        {
            get { return position; }
        }

        /// <summary>The bits waiting to be written, low bit first (<see cref="PendingBitCount"/> of them, at most 15).</summary>
        public uint PendingBits
        {
            get { return bitBuffer; }
        }

        /// <summary>How many bits wait in <see cref="PendingBits"/>.</summary>
        public int PendingBitCount
        {
            get { return bitCount; }
        }

        /// <summary>Takes back the state an inline writer reached (its position and waiting bits).</summary>
        public void Resume(int newPosition, uint bits, int count)
        {
            position = newPosition;
            bitBuffer = bits;
            bitCount = count;
        }

        /// <summary>
        /// Starts with the bits that wait in <paramref name="other"/>: a block written on trial
        /// into scratch carries on the stream exactly where <paramref name="other"/> stands.
        /// </summary>
        public void ContinueFrom(BitWriter other)
        {
            bitBuffer = other.bitBuffer;
            bitCount = other.bitCount;
        }

        /// <summary>
        /// Appends what <paramref name="trial"/> wrote (it began with this writer's waiting bits,
        /// <see cref="ContinueFrom"/>) and takes over the bits waiting there. Throws only if the
        /// whole bytes do not fit, as writing them here would have.
        /// </summary>
        public void Append(BitWriter trial)
        {
            int count = trial.position - trial.start;
            if (count > limit - position)
            {
                ThrowFull();
            }
            System.Array.Copy(trial.output, trial.start, output, position, count);
            position += count;
            bitBuffer = trial.bitBuffer;
            bitCount = trial.bitCount;
        }

        /// <summary>Pads with zero bits to the next byte boundary.</summary>
        public void AlignToByte()
        {
            while (bitCount > 0)
            {
                PutByte((byte)bitBuffer);
                bitBuffer >>= 8;
                bitCount = bitCount > 8 ? bitCount - 8 : 0;
            }
            bitBuffer = 0;
        }

        /// <summary>Appends whole bytes; the writer must be byte-aligned.</summary>
        public void WriteBytes(byte[] source, int offset, int count)
        {
            if (count > limit - position)
            {
                ThrowFull();
            }
            System.Array.Copy(source, offset, output, position, count);
            position += count;
        }

        /// <summary>Appends a 16-bit little-endian value on a byte boundary.</summary>
        public void WriteUInt16LittleEndian(int value)
        {
            PutByte((byte)value);
            PutByte((byte)(value >> 8));
        }

        /// <summary>Appends a 32-bit little-endian value on a byte boundary.</summary>
        public void WriteUInt32LittleEndian(uint value)
        {
            PutByte((byte)value);
            PutByte((byte)(value >> 8));
            PutByte((byte)(value >> 16));
            PutByte((byte)(value >> 24));
        }

        /// <summary>Appends one byte on a byte boundary.</summary>
        public void PutByte(byte value)
        {
            if (position >= limit)
            {
                ThrowFull();
            }
            output[position++] = value;
        }

        /// <summary>
        /// Writes <paramref name="count"/> LZ77 symbols (a literal is (byte, distance 0), a match is
        /// (length - 3, distance)) with the given Huffman codes, then the end-of-block code; the
        /// caller has computed that they take exactly <paramref name="symbolBits"/> bits (symbols,
        /// extra bits and end of block; not the block header, already written). One capacity
        /// check for the whole run, then no calls per symbol.
        /// </summary>
        public void WriteSymbols(byte[] symbolValue, ushort[] symbolDistance, int count, long symbolBits,
            ushort[] litCodes, byte[] litLengths, ushort[] distCodes, byte[] distLengths)
        {
            // The loop stores only whole bytes of the bits waiting plus these symbols, at most
            // (bitCount + symbolBits) / 8 of them, and those bytes are part of the output: so this
            // throws exactly when the output cannot fit, never for room the output does not take.
            // (It once asked for the whole block's bits, header included, plus 4 bytes: with a
            // dynamic header already written, a block that barely beat a stored one failed with
            // MaxCompressedSize bytes of room.)
            if ((bitCount + symbolBits) / 8 > limit - position)
            {
                ThrowFull();
            }
            byte[] o = output;
            int p = position;
            uint buffer = bitBuffer;
            int n = bitCount;
            byte[] lengthCodeOf = DeflateTables.LengthCodeOf;
            byte[] lengthExtraBits = DeflateTables.LengthExtraBits;
            short[] lengthBase = DeflateTables.LengthBase;
            byte[] distanceExtraBits = DeflateTables.DistanceExtraBits;
            int[] distanceBase = DeflateTables.DistanceBase;
            for (int i = 0; i < count; i++)
            {
                int distance = symbolDistance[i];
                int value = symbolValue[i];
                if (distance == 0)
                {
                    buffer |= (uint)litCodes[value] << n;
                    n += litLengths[value];
                }
                else
                {
                    // Length code and its extra bits: at most 15 + 5 bits, on top of at most 15 waiting.
                    int length = value + DeflateTables.MinMatch;
                    int code = lengthCodeOf[length];
                    buffer |= (uint)litCodes[257 + code] << n;
                    n += litLengths[257 + code];
                    if (n >= 16)
                    {
                        o[p] = (byte)buffer;
                        o[p + 1] = (byte)(buffer >> 8);
                        p += 2;
                        buffer >>= 16;
                        n -= 16;
                    }
                    int extra = lengthExtraBits[code];
                    if (extra > 0)
                    {
                        buffer |= (uint)(length - lengthBase[code]) << n;
                        n += extra;
                    }
                    if (n >= 16)
                    {
                        o[p] = (byte)buffer;
                        o[p + 1] = (byte)(buffer >> 8);
                        p += 2;
                        buffer >>= 16;
                        n -= 16;
                    }
                    code = distance <= 256 ? DeflateTables.NearDistanceCode[distance - 1] : DeflateTables.FarDistanceCode[(distance - 1) >> 7];
                    buffer |= (uint)distCodes[code] << n;
                    n += distLengths[code];
                    if (n >= 16)
                    {
                        o[p] = (byte)buffer;
                        o[p + 1] = (byte)(buffer >> 8);
                        p += 2;
                        buffer >>= 16;
                        n -= 16;
                    }
                    extra = distanceExtraBits[code];
                    if (extra > 0)
                    {
                        buffer |= (uint)(distance - distanceBase[code]) << n;
                        n += extra;
                    }
                }
                if (n >= 16)
                {
                    o[p] = (byte)buffer;
                    o[p + 1] = (byte)(buffer >> 8);
                    p += 2;
                    buffer >>= 16;
                    n -= 16;
                }
            }
            position = p;
            bitBuffer = buffer;
            bitCount = n;
            WriteBits(litCodes[DeflateTables.EndOfBlock], litLengths[DeflateTables.EndOfBlock]);
        }

        private void ThrowFull()
        {
            throw new CompressionOutputTooSmallException("gzip output does not fit in outputCapacity " + (limit - start).ToString()
                + " bytes; GzipEncoder.MaxCompressedSize(count) bytes are always enough");
        }
    }
}
