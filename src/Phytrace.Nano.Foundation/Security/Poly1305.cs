using System;

namespace Phytrace.Nano.Security
{
    /// <summary>
    /// The Poly1305 one-time authenticator of RFC 8439 section 2.5: a 32-byte one-time key (r, s),
    /// message in, 16-byte tag out. The accumulator is kept in five 26-bit limbs so every product
    /// fits a 64-bit integer (the device has no 128-bit type): 25 multiplications per 16 bytes.
    /// Limbs are ulong so no conversion instruction sits in front of each multiplication, and the
    /// block loop keeps them in locals (a field costs the interpreter more than twice a local).
    /// Nothing is allocated after construction.
    /// </summary>
    public sealed class Poly1305
    {
        /// <summary>One-time key length in bytes.</summary>
        public const int KeySize = 32;

        /// <summary>Tag length in bytes.</summary>
        public const int TagSize = 16;

        private const ulong Mask26 = 0x3ffffff;

        // 2^128 as the top limb's bit: added to every whole 16-byte block (RFC 8439 2.5.1).
        private const ulong HighBit = 1UL << 24;

        private readonly byte[] pending = new byte[16];
        private int pendingLength;
        private ulong r0, r1, r2, r3, r4;
        private ulong s1, s2, s3, s4;
        private ulong h0, h1, h2, h3, h4;
        private uint pad0, pad1, pad2, pad3;

        /// <summary>Starts a new tag with the 32-byte one-time key at <paramref name="offset"/> (r is clamped here).</summary>
        public void Init(byte[] key, int offset)
        {
            if (key == null || offset < 0 || offset > key.Length - KeySize)
            {
                throw new ArgumentException("a Poly1305 key is " + KeySize.ToString() + " bytes", nameof(key));
            }
            uint t0 = ChaCha20.Word(key, offset);
            uint t1 = ChaCha20.Word(key, offset + 4);
            uint t2 = ChaCha20.Word(key, offset + 8);
            uint t3 = ChaCha20.Word(key, offset + 12);
            // r &= 0x0ffffffc0ffffffc0ffffffc0fffffff, cut into 26-bit limbs with the clamp folded in.
            r0 = t0 & 0x3ffffff;
            r1 = ((t0 >> 26) | (t1 << 6)) & 0x3ffff03;
            r2 = ((t1 >> 20) | (t2 << 12)) & 0x3ffc0ff;
            r3 = ((t2 >> 14) | (t3 << 18)) & 0x3f03fff;
            r4 = (t3 >> 8) & 0x00fffff;
            // 2^130 = 5 (mod p): the products that overflow the top limb come back times 5.
            s1 = r1 * 5;
            s2 = r2 * 5;
            s3 = r3 * 5;
            s4 = r4 * 5;
            h0 = h1 = h2 = h3 = h4 = 0;
            pad0 = ChaCha20.Word(key, offset + 16);
            pad1 = ChaCha20.Word(key, offset + 20);
            pad2 = ChaCha20.Word(key, offset + 24);
            pad3 = ChaCha20.Word(key, offset + 28);
            pendingLength = 0;
        }

        /// <summary>Adds message bytes data[offset .. offset+length).</summary>
        public void Update(byte[] data, int offset, int length)
        {
            if (length == 0)
            {
                return;
            }
            if (data == null || offset < 0 || length < 0 || offset > data.Length - length)
            {
                throw new ArgumentOutOfRangeException(nameof(length), "the range to authenticate lies outside the buffer");
            }
            if (pendingLength > 0)
            {
                int take = 16 - pendingLength;
                if (take > length)
                {
                    take = length;
                }
                Array.Copy(data, offset, pending, pendingLength, take);
                pendingLength += take;
                offset += take;
                length -= take;
                if (pendingLength < 16)
                {
                    return;
                }
                Blocks(pending, 0, 1, HighBit);
                pendingLength = 0;
            }
            int whole = length >> 4;
            if (whole > 0)
            {
                Blocks(data, offset, whole, HighBit);
                offset += whole << 4;
                length -= whole << 4;
            }
            if (length > 0)
            {
                Array.Copy(data, offset, pending, 0, length);
                pendingLength = length;
            }
        }

        /// <summary>
        /// Pads the message so far with zeros to a multiple of 16 bytes (RFC 8439 2.8: the AEAD
        /// pads the AAD and the ciphertext this way).
        /// </summary>
        public void PadToBlock()
        {
            if (pendingLength == 0)
            {
                return;
            }
            Array.Clear(pending, pendingLength, 16 - pendingLength);
            Blocks(pending, 0, 1, HighBit);
            pendingLength = 0;
        }

        /// <summary>Adds the AEAD's closing block: both lengths as 64-bit little-endian numbers.</summary>
        public void UpdateLengths(long aadLength, long textLength)
        {
            PadToBlock();
            WriteWord(pending, 0, (uint)aadLength);
            WriteWord(pending, 4, (uint)(aadLength >> 32));
            WriteWord(pending, 8, (uint)textLength);
            WriteWord(pending, 12, (uint)(textLength >> 32));
            Blocks(pending, 0, 1, HighBit);
        }

        /// <summary>Writes the 16-byte tag to tag[offset..]. Call <see cref="Init"/> before the next message.</summary>
        public void Final(byte[] tag, int offset)
        {
            if (tag == null || offset < 0 || offset > tag.Length - TagSize)
            {
                throw new ArgumentException("a Poly1305 tag is " + TagSize.ToString() + " bytes", nameof(tag));
            }
            if (pendingLength > 0)
            {
                // The last, short block: a 1 byte after the message instead of the 2^128 bit.
                pending[pendingLength] = 1;
                Array.Clear(pending, pendingLength + 1, 15 - pendingLength);
                Blocks(pending, 0, 1, 0);
                pendingLength = 0;
            }

            // Carry fully, then subtract p = 2^130 - 5 once if h >= p.
            ulong c;
            c = h1 >> 26; h1 &= Mask26; h2 += c;
            c = h2 >> 26; h2 &= Mask26; h3 += c;
            c = h3 >> 26; h3 &= Mask26; h4 += c;
            c = h4 >> 26; h4 &= Mask26; h0 += c * 5;
            c = h0 >> 26; h0 &= Mask26; h1 += c;

            ulong g0 = h0 + 5; c = g0 >> 26; g0 &= Mask26;
            ulong g1 = h1 + c; c = g1 >> 26; g1 &= Mask26;
            ulong g2 = h2 + c; c = g2 >> 26; g2 &= Mask26;
            ulong g3 = h3 + c; c = g3 >> 26; g3 &= Mask26;
            ulong g4 = h4 + c - (1UL << 26);
            // g4 wrapped below zero exactly when h < p: then keep h. Chosen by mask, not by branch.
            ulong takeG = (g4 >> 63) - 1;
            ulong keepH = ~takeG;
            h0 = (h0 & keepH) | (g0 & takeG);
            h1 = (h1 & keepH) | (g1 & takeG);
            h2 = (h2 & keepH) | (g2 & takeG);
            h3 = (h3 & keepH) | (g3 & takeG);
            h4 = (h4 & keepH) | (g4 & takeG);

            // h mod 2^128 as four words, plus s.
            ulong f;
            f = ((h0 | (h1 << 26)) & 0xffffffff) + pad0;
            WriteWord(tag, offset, (uint)f);
            f = (((h1 >> 6) | (h2 << 20)) & 0xffffffff) + pad1 + (f >> 32);
            WriteWord(tag, offset + 4, (uint)f);
            f = (((h2 >> 12) | (h3 << 14)) & 0xffffffff) + pad2 + (f >> 32);
            WriteWord(tag, offset + 8, (uint)f);
            f = (((h3 >> 18) | (h4 << 8)) & 0xffffffff) + pad3 + (f >> 32);
            WriteWord(tag, offset + 12, (uint)f);

            // The one-time key is spent.
            r0 = r1 = r2 = r3 = r4 = s1 = s2 = s3 = s4 = 0;
            h0 = h1 = h2 = h3 = h4 = 0;
            pad0 = pad1 = pad2 = pad3 = 0;
        }

        /// <summary>Processes <paramref name="count"/> 16-byte blocks at <paramref name="offset"/>, each with <paramref name="highBit"/> on top.</summary>
        private void Blocks(byte[] m, int offset, int count, ulong highBit)
        {
            ulong a0 = h0, a1 = h1, a2 = h2, a3 = h3, a4 = h4;
            ulong k0 = r0, k1 = r1, k2 = r2, k3 = r3, k4 = r4;
            ulong k5 = s1, k6 = s2, k7 = s3, k8 = s4;
            int end = offset + (count << 4);
            for (int p = offset; p < end; p += 16)
            {
                uint t0 = (uint)(m[p] | (m[p + 1] << 8) | (m[p + 2] << 16) | (m[p + 3] << 24));
                uint t1 = (uint)(m[p + 4] | (m[p + 5] << 8) | (m[p + 6] << 16) | (m[p + 7] << 24));
                uint t2 = (uint)(m[p + 8] | (m[p + 9] << 8) | (m[p + 10] << 16) | (m[p + 11] << 24));
                uint t3 = (uint)(m[p + 12] | (m[p + 13] << 8) | (m[p + 14] << 16) | (m[p + 15] << 24));
                a0 += t0 & 0x3ffffff;
                a1 += ((t0 >> 26) | (t1 << 6)) & 0x3ffffff;
                a2 += ((t1 >> 20) | (t2 << 12)) & 0x3ffffff;
                a3 += ((t2 >> 14) | (t3 << 18)) & 0x3ffffff;
                a4 += (t3 >> 8) | highBit;

                // h *= r (mod 2^130 - 5), k5..k8 being r1..r4 times 5.
                ulong d0 = (a0 * k0) + (a1 * k8) + (a2 * k7) + (a3 * k6) + (a4 * k5);
                ulong d1 = (a0 * k1) + (a1 * k0) + (a2 * k8) + (a3 * k7) + (a4 * k6);
                ulong d2 = (a0 * k2) + (a1 * k1) + (a2 * k0) + (a3 * k8) + (a4 * k7);
                ulong d3 = (a0 * k3) + (a1 * k2) + (a2 * k1) + (a3 * k0) + (a4 * k8);
                ulong d4 = (a0 * k4) + (a1 * k3) + (a2 * k2) + (a3 * k1) + (a4 * k0);

                // Partial carry: limbs back to about 26 bits, enough headroom for the next block.
                ulong c = d0 >> 26; a0 = d0 & Mask26;
                d1 += c; c = d1 >> 26; a1 = d1 & Mask26;
                d2 += c; c = d2 >> 26; a2 = d2 & Mask26;
                d3 += c; c = d3 >> 26; a3 = d3 & Mask26;
                d4 += c; c = d4 >> 26; a4 = d4 & Mask26;
                a0 += c * 5; c = a0 >> 26; a0 &= Mask26;
                a1 += c;
            }
            h0 = a0;
            h1 = a1;
            h2 = a2;
            h3 = a3;
            h4 = a4;
        }

        private static void WriteWord(byte[] b, int at, uint value)
        {
            b[at] = (byte)value;
            b[at + 1] = (byte)(value >> 8);
            b[at + 2] = (byte)(value >> 16);
            b[at + 3] = (byte)(value >> 24);
        }
    }
}
