using System;

namespace Phytrace.Nano.Security
{
    /// <summary>
    /// The ChaCha20 stream cipher of RFC 8439 (section 2.3 block function, 2.4 encryption): a
    /// 256-bit key, a 96-bit nonce and a 32-bit block counter. <see cref="Xor"/> encrypts or
    /// decrypts in place. Written for an interpreter: the sixteen state words live in locals, the
    /// quarter rounds are written out (a call costs a nanoCLR frame), the block is XORed into
    /// the data a word at a time from a reused array, and nothing is allocated after construction.
    /// </summary>
    public sealed class ChaCha20
    {
        /// <summary>Key length in bytes.</summary>
        public const int KeySize = 32;

        /// <summary>Nonce length in bytes.</summary>
        public const int NonceSize = 12;

        /// <summary>Keystream block length in bytes.</summary>
        public const int BlockSize = 64;

        // "expand 32-byte k", the constant words of RFC 8439 section 2.3.
        private const uint Sigma0 = 0x61707865;
        private const uint Sigma1 = 0x3320646e;
        private const uint Sigma2 = 0x79622d32;
        private const uint Sigma3 = 0x6b206574;

        private readonly uint[] tail = new uint[16];
        private readonly byte[] keystream = new byte[BlockSize];
        private uint k0, k1, k2, k3, k4, k5, k6, k7;
        private uint n0, n1, n2;

        // The stream position of XorStream: the next block's counter, and how much of the last
        // generated block (in keystream) is used up (BlockSize: none left).
        private uint streamCounter;
        private int keystreamUsed = BlockSize;

        /// <summary>Sets the 32-byte key at <paramref name="offset"/>.</summary>
        public void SetKey(byte[] key, int offset)
        {
            if (key == null || offset < 0 || offset > key.Length - KeySize)
            {
                throw new ArgumentException("a ChaCha20 key is " + KeySize.ToString() + " bytes", nameof(key));
            }
            k0 = Word(key, offset);
            k1 = Word(key, offset + 4);
            k2 = Word(key, offset + 8);
            k3 = Word(key, offset + 12);
            k4 = Word(key, offset + 16);
            k5 = Word(key, offset + 20);
            k6 = Word(key, offset + 24);
            k7 = Word(key, offset + 28);
        }

        /// <summary>Sets the 12-byte nonce at <paramref name="offset"/>.</summary>
        public void SetNonce(byte[] nonce, int offset)
        {
            if (nonce == null || offset < 0 || offset > nonce.Length - NonceSize)
            {
                throw new ArgumentException("a ChaCha20 nonce is " + NonceSize.ToString() + " bytes", nameof(nonce));
            }
            n0 = Word(nonce, offset);
            n1 = Word(nonce, offset + 4);
            n2 = Word(nonce, offset + 8);
        }

        /// <summary>Sets the nonce as its three little-endian words (bytes 0-3, 4-7, 8-11).</summary>
        public void SetNonce(uint word0, uint word1, uint word2)
        {
            n0 = word0;
            n1 = word1;
            n2 = word2;
        }

        /// <summary>Clears the key, nonce and keystream from memory.</summary>
        public void Clear()
        {
            k0 = k1 = k2 = k3 = k4 = k5 = k6 = k7 = 0;
            n0 = n1 = n2 = 0;
            for (int i = 0; i < tail.Length; i++)
            {
                tail[i] = 0;
            }
            Array.Clear(keystream, 0, BlockSize);
            keystreamUsed = BlockSize;
        }

        /// <summary>Starts a keystream for <see cref="XorStream"/> at block <paramref name="counter"/>.</summary>
        public void StartStream(uint counter)
        {
            streamCounter = counter;
            keystreamUsed = BlockSize;
        }

        /// <summary>
        /// XORs the next <paramref name="length"/> keystream bytes into data[offset..]: a message
        /// encrypted in pieces of any length (a record split over slots) gets the same bytes as in
        /// one piece. Whole blocks go through <see cref="Xor"/>; a block cut by a piece's end is
        /// kept and its rest used by the next piece.
        /// </summary>
        public void XorStream(byte[] data, int offset, int length)
        {
            if (data == null || offset < 0 || length < 0 || offset > data.Length - length)
            {
                throw new ArgumentOutOfRangeException(nameof(length), "the range to encrypt lies outside the buffer");
            }
            while (length > 0 && keystreamUsed < BlockSize)
            {
                data[offset] = (byte)(data[offset] ^ keystream[keystreamUsed]);
                offset++;
                length--;
                keystreamUsed++;
            }
            int whole = length & ~(BlockSize - 1);
            if (whole > 0)
            {
                Xor(streamCounter, data, offset, whole);
                streamCounter += (uint)(whole / BlockSize);
                offset += whole;
                length -= whole;
            }
            if (length > 0)
            {
                Block(streamCounter, keystream, 0);
                streamCounter++;
                keystreamUsed = 0;
                while (length > 0)
                {
                    data[offset] = (byte)(data[offset] ^ keystream[keystreamUsed]);
                    offset++;
                    length--;
                    keystreamUsed++;
                }
            }
        }

        /// <summary>Writes the keystream block with counter <paramref name="counter"/> (64 bytes) to <paramref name="output"/>.</summary>
        public void Block(uint counter, byte[] output, int offset)
        {
            Array.Clear(output, offset, BlockSize);
            Xor(counter, output, offset, BlockSize);
        }

        /// <summary>
        /// XORs the keystream starting at block <paramref name="counter"/> into
        /// data[offset .. offset+length): encryption and decryption alike.
        /// </summary>
        public void Xor(uint counter, byte[] data, int offset, int length)
        {
            if (data == null || offset < 0 || length < 0 || offset > data.Length - length)
            {
                throw new ArgumentOutOfRangeException(nameof(length), "the range to encrypt lies outside the buffer");
            }
            int end = offset + length;
            int p = offset;
            while (p < end)
            {
                uint x0 = Sigma0, x1 = Sigma1, x2 = Sigma2, x3 = Sigma3;
                uint x4 = k0, x5 = k1, x6 = k2, x7 = k3;
                uint x8 = k4, x9 = k5, x10 = k6, x11 = k7;
                uint x12 = counter, x13 = n0, x14 = n1, x15 = n2;
                uint t;
                for (int round = 0; round < 10; round++)
                {
                    // Each line is one step of a quarter round, "a += b; d ^= a; d <<<= n" (RFC 8439
                    // 2.1), written so the sum and the XOR stay on the evaluation stack (dup)
                    // instead of being stored and loaded again: every IL instruction costs the
                    // interpreter about the same, and this form saves about 3 % of them.
                    // Column round.
                    x12 = ((t = x12 ^ (x0 += x4)) << 16) | (t >> 16);
                    x4 = ((t = x4 ^ (x8 += x12)) << 12) | (t >> 20);
                    x12 = ((t = x12 ^ (x0 += x4)) << 8) | (t >> 24);
                    x4 = ((t = x4 ^ (x8 += x12)) << 7) | (t >> 25);

                    x13 = ((t = x13 ^ (x1 += x5)) << 16) | (t >> 16);
                    x5 = ((t = x5 ^ (x9 += x13)) << 12) | (t >> 20);
                    x13 = ((t = x13 ^ (x1 += x5)) << 8) | (t >> 24);
                    x5 = ((t = x5 ^ (x9 += x13)) << 7) | (t >> 25);

                    x14 = ((t = x14 ^ (x2 += x6)) << 16) | (t >> 16);
                    x6 = ((t = x6 ^ (x10 += x14)) << 12) | (t >> 20);
                    x14 = ((t = x14 ^ (x2 += x6)) << 8) | (t >> 24);
                    x6 = ((t = x6 ^ (x10 += x14)) << 7) | (t >> 25);

                    x15 = ((t = x15 ^ (x3 += x7)) << 16) | (t >> 16);
                    x7 = ((t = x7 ^ (x11 += x15)) << 12) | (t >> 20);
                    x15 = ((t = x15 ^ (x3 += x7)) << 8) | (t >> 24);
                    x7 = ((t = x7 ^ (x11 += x15)) << 7) | (t >> 25);

                    // Diagonal round.
                    x15 = ((t = x15 ^ (x0 += x5)) << 16) | (t >> 16);
                    x5 = ((t = x5 ^ (x10 += x15)) << 12) | (t >> 20);
                    x15 = ((t = x15 ^ (x0 += x5)) << 8) | (t >> 24);
                    x5 = ((t = x5 ^ (x10 += x15)) << 7) | (t >> 25);

                    x12 = ((t = x12 ^ (x1 += x6)) << 16) | (t >> 16);
                    x6 = ((t = x6 ^ (x11 += x12)) << 12) | (t >> 20);
                    x12 = ((t = x12 ^ (x1 += x6)) << 8) | (t >> 24);
                    x6 = ((t = x6 ^ (x11 += x12)) << 7) | (t >> 25);

                    x13 = ((t = x13 ^ (x2 += x7)) << 16) | (t >> 16);
                    x7 = ((t = x7 ^ (x8 += x13)) << 12) | (t >> 20);
                    x13 = ((t = x13 ^ (x2 += x7)) << 8) | (t >> 24);
                    x7 = ((t = x7 ^ (x8 += x13)) << 7) | (t >> 25);

                    x14 = ((t = x14 ^ (x3 += x4)) << 16) | (t >> 16);
                    x4 = ((t = x4 ^ (x9 += x14)) << 12) | (t >> 20);
                    x14 = ((t = x14 ^ (x3 += x4)) << 8) | (t >> 24);
                    x4 = ((t = x4 ^ (x9 += x14)) << 7) | (t >> 25);
                }
                x0 += Sigma0; x1 += Sigma1; x2 += Sigma2; x3 += Sigma3;
                x4 += k0; x5 += k1; x6 += k2; x7 += k3;
                x8 += k4; x9 += k5; x10 += k6; x11 += k7;
                x12 += counter; x13 += n0; x14 += n1; x15 += n2;

                // The block's words, then XORed into the data four bytes a word (a loop, not 64
                // statements written out: the core's byte code must stay under nanoFramework's
                // 64 KB per assembly in a Debug build; this costs about 2 % of a block).
                uint[] w = tail;
                w[0] = x0; w[1] = x1; w[2] = x2; w[3] = x3;
                w[4] = x4; w[5] = x5; w[6] = x6; w[7] = x7;
                w[8] = x8; w[9] = x9; w[10] = x10; w[11] = x11;
                w[12] = x12; w[13] = x13; w[14] = x14; w[15] = x15;
                int wholeWords = end - p >= BlockSize ? 16 : (end - p) >> 2;
                for (int i = 0; i < wholeWords; i++, p += 4)
                {
                    t = w[i];
                    data[p] = (byte)(data[p] ^ t);
                    data[p + 1] = (byte)(data[p + 1] ^ (t >> 8));
                    data[p + 2] = (byte)(data[p + 2] ^ (t >> 16));
                    data[p + 3] = (byte)(data[p + 3] ^ (t >> 24));
                }
                // The last, partial word of a partial block: byte by byte.
                for (int i = wholeWords << 2; p < end && i < BlockSize; i++, p++)
                {
                    data[p] = (byte)(data[p] ^ (w[i >> 2] >> ((i & 3) << 3)));
                }
                counter++;
            }
        }

        /// <summary>The little-endian word at <paramref name="at"/>.</summary>
        internal static uint Word(byte[] b, int at)
        {
            return (uint)(b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24));
        }
    }
}
