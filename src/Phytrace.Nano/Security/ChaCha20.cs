using System;

namespace Phytrace.Nano.Security
{
    /// <summary>
    /// The ChaCha20 stream cipher of RFC 8439 (section 2.3 block function, 2.4 encryption): a
    /// 256-bit key, a 96-bit nonce and a 32-bit block counter. <see cref="Xor"/> encrypts or
    /// decrypts in place. Written for an interpreter: the sixteen state words live in locals, the
    /// quarter rounds are written out (a call costs a nanoCLR frame), whole words are XORed into
    /// the data without a keystream copy, and nothing is allocated after construction.
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

                if (end - p >= BlockSize)
                {
                    // A whole block: each word straight into its four bytes (written out: a call per
                    // word would cost the interpreter a frame each).
                    data[p] = (byte)(data[p] ^ x0); data[p + 1] = (byte)(data[p + 1] ^ (x0 >> 8)); data[p + 2] = (byte)(data[p + 2] ^ (x0 >> 16)); data[p + 3] = (byte)(data[p + 3] ^ (x0 >> 24));
                    data[p + 4] = (byte)(data[p + 4] ^ x1); data[p + 5] = (byte)(data[p + 5] ^ (x1 >> 8)); data[p + 6] = (byte)(data[p + 6] ^ (x1 >> 16)); data[p + 7] = (byte)(data[p + 7] ^ (x1 >> 24));
                    data[p + 8] = (byte)(data[p + 8] ^ x2); data[p + 9] = (byte)(data[p + 9] ^ (x2 >> 8)); data[p + 10] = (byte)(data[p + 10] ^ (x2 >> 16)); data[p + 11] = (byte)(data[p + 11] ^ (x2 >> 24));
                    data[p + 12] = (byte)(data[p + 12] ^ x3); data[p + 13] = (byte)(data[p + 13] ^ (x3 >> 8)); data[p + 14] = (byte)(data[p + 14] ^ (x3 >> 16)); data[p + 15] = (byte)(data[p + 15] ^ (x3 >> 24));
                    data[p + 16] = (byte)(data[p + 16] ^ x4); data[p + 17] = (byte)(data[p + 17] ^ (x4 >> 8)); data[p + 18] = (byte)(data[p + 18] ^ (x4 >> 16)); data[p + 19] = (byte)(data[p + 19] ^ (x4 >> 24));
                    data[p + 20] = (byte)(data[p + 20] ^ x5); data[p + 21] = (byte)(data[p + 21] ^ (x5 >> 8)); data[p + 22] = (byte)(data[p + 22] ^ (x5 >> 16)); data[p + 23] = (byte)(data[p + 23] ^ (x5 >> 24));
                    data[p + 24] = (byte)(data[p + 24] ^ x6); data[p + 25] = (byte)(data[p + 25] ^ (x6 >> 8)); data[p + 26] = (byte)(data[p + 26] ^ (x6 >> 16)); data[p + 27] = (byte)(data[p + 27] ^ (x6 >> 24));
                    data[p + 28] = (byte)(data[p + 28] ^ x7); data[p + 29] = (byte)(data[p + 29] ^ (x7 >> 8)); data[p + 30] = (byte)(data[p + 30] ^ (x7 >> 16)); data[p + 31] = (byte)(data[p + 31] ^ (x7 >> 24));
                    data[p + 32] = (byte)(data[p + 32] ^ x8); data[p + 33] = (byte)(data[p + 33] ^ (x8 >> 8)); data[p + 34] = (byte)(data[p + 34] ^ (x8 >> 16)); data[p + 35] = (byte)(data[p + 35] ^ (x8 >> 24));
                    data[p + 36] = (byte)(data[p + 36] ^ x9); data[p + 37] = (byte)(data[p + 37] ^ (x9 >> 8)); data[p + 38] = (byte)(data[p + 38] ^ (x9 >> 16)); data[p + 39] = (byte)(data[p + 39] ^ (x9 >> 24));
                    data[p + 40] = (byte)(data[p + 40] ^ x10); data[p + 41] = (byte)(data[p + 41] ^ (x10 >> 8)); data[p + 42] = (byte)(data[p + 42] ^ (x10 >> 16)); data[p + 43] = (byte)(data[p + 43] ^ (x10 >> 24));
                    data[p + 44] = (byte)(data[p + 44] ^ x11); data[p + 45] = (byte)(data[p + 45] ^ (x11 >> 8)); data[p + 46] = (byte)(data[p + 46] ^ (x11 >> 16)); data[p + 47] = (byte)(data[p + 47] ^ (x11 >> 24));
                    data[p + 48] = (byte)(data[p + 48] ^ x12); data[p + 49] = (byte)(data[p + 49] ^ (x12 >> 8)); data[p + 50] = (byte)(data[p + 50] ^ (x12 >> 16)); data[p + 51] = (byte)(data[p + 51] ^ (x12 >> 24));
                    data[p + 52] = (byte)(data[p + 52] ^ x13); data[p + 53] = (byte)(data[p + 53] ^ (x13 >> 8)); data[p + 54] = (byte)(data[p + 54] ^ (x13 >> 16)); data[p + 55] = (byte)(data[p + 55] ^ (x13 >> 24));
                    data[p + 56] = (byte)(data[p + 56] ^ x14); data[p + 57] = (byte)(data[p + 57] ^ (x14 >> 8)); data[p + 58] = (byte)(data[p + 58] ^ (x14 >> 16)); data[p + 59] = (byte)(data[p + 59] ^ (x14 >> 24));
                    data[p + 60] = (byte)(data[p + 60] ^ x15); data[p + 61] = (byte)(data[p + 61] ^ (x15 >> 8)); data[p + 62] = (byte)(data[p + 62] ^ (x15 >> 16)); data[p + 63] = (byte)(data[p + 63] ^ (x15 >> 24));
                    p += BlockSize;
                }
                else
                {
                    // The last, partial block: byte by byte from the words.
                    tail[0] = x0; tail[1] = x1; tail[2] = x2; tail[3] = x3;
                    tail[4] = x4; tail[5] = x5; tail[6] = x6; tail[7] = x7;
                    tail[8] = x8; tail[9] = x9; tail[10] = x10; tail[11] = x11;
                    tail[12] = x12; tail[13] = x13; tail[14] = x14; tail[15] = x15;
                    for (int i = 0; p < end; i++, p++)
                    {
                        data[p] = (byte)(data[p] ^ (tail[i >> 2] >> ((i & 3) << 3)));
                    }
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
