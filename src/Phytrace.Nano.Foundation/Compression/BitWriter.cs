namespace Phytrace.Nano.Compression
{
    /// <summary>
    /// Writes DEFLATE's bit stream (RFC 1951 3.1.1: least significant bit first) into a caller's
    /// byte array, checking the capacity as it goes.
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

        /// <summary>Bits waiting for a full byte (0..7).</summary>
        public int PendingBits
        {
            get { return bitCount; }
        }

        /// <summary>Appends the low <paramref name="count"/> bits (at most 16) of <paramref name="value"/>.</summary>
        public void WriteBits(int value, int count)
        {
            bitBuffer |= (uint)value << bitCount;
            bitCount += count;
            while (bitCount >= 8)
            {
                PutByte((byte)bitBuffer);
                bitBuffer >>= 8;
                bitCount -= 8;
            }
        }

        /// <summary>Pads with zero bits to the next byte boundary.</summary>
        public void AlignToByte()
        {
            if (bitCount > 0)
            {
                PutByte((byte)bitBuffer);
                bitBuffer = 0;
                bitCount = 0;
            }
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

        private void ThrowFull()
        {
            throw new CompressionOutputTooSmallException("gzip output does not fit in outputCapacity " + (limit - start).ToString()
                + " bytes; GzipEncoder.MaxCompressedSize(count) bytes are always enough");
        }
    }
}
