using System;

namespace Phytrace.Nano.Security
{
    /// <summary>
    /// The ChaCha20-Poly1305 AEAD of RFC 8439 section 2.8: a 32-byte key, a 12-byte nonce that
    /// must never repeat under the key, additional data that is authenticated but not encrypted,
    /// and a 16-byte tag. Seal encrypts in place; Open checks the tag first and decrypts only a
    /// message that passes, so a forged or damaged record never leaves Open as plaintext.
    /// One instance per user (not thread-safe); its buffers are allocated once, here.
    /// </summary>
    public sealed class ChaCha20Poly1305Aead
    {
        /// <summary>Key length in bytes.</summary>
        public const int KeySize = 32;

        /// <summary>Nonce length in bytes.</summary>
        public const int NonceSize = 12;

        /// <summary>Tag length in bytes.</summary>
        public const int TagSize = 16;

        private readonly ChaCha20 cipher = new ChaCha20();
        private readonly Poly1305 mac = new Poly1305();
        private readonly byte[] oneTimeKey = new byte[ChaCha20.BlockSize];
        private readonly byte[] expected = new byte[TagSize];
        private int pieceAadLength;
        private int pieceTextLength;

        /// <summary>An AEAD with the 32-byte <paramref name="key"/> (copied in; ArgumentException for another length).</summary>
        public ChaCha20Poly1305Aead(byte[] key)
        {
            if (key == null || key.Length != KeySize)
            {
                throw new ArgumentException("a ChaCha20-Poly1305 key is " + KeySize.ToString() + " bytes, got " + (key == null ? "null" : key.Length.ToString() + " bytes"), nameof(key));
            }
            cipher.SetKey(key, 0);
        }

        /// <summary>Replaces the key with the 32 bytes at key[offset..] (no allocation).</summary>
        public void SetKey(byte[] key, int offset)
        {
            cipher.SetKey(key, offset);
        }

        /// <summary>
        /// Encrypts data[offset .. offset+length) in place and writes the tag over it and
        /// aad[aadOffset .. aadOffset+aadLength) (aad may be null when aadLength is 0) to tag[tagOffset..].
        /// </summary>
        public void Seal(byte[] nonce, int nonceOffset, byte[]? aad, int aadOffset, int aadLength,
            byte[] data, int offset, int length, byte[] tag, int tagOffset)
        {
            CheckTag(tag, tagOffset);
            Begin(nonce, nonceOffset, aad, aadOffset, aadLength);
            cipher.Xor(1, data, offset, length);
            Finish(data, offset, length, aadLength, tag, tagOffset);
        }

        /// <summary>
        /// Starts sealing a message given in pieces (<see cref="SealPart"/>, then <see cref="EndSeal"/>):
        /// the same ciphertext and tag as <see cref="Seal"/> on the pieces joined, for a message
        /// that lies in several places (a record's chunks in consecutive slots).
        /// </summary>
        public void BeginSeal(byte[] nonce, int nonceOffset, byte[]? aad, int aadOffset, int aadLength)
        {
            Begin(nonce, nonceOffset, aad, aadOffset, aadLength);
            cipher.StartStream(1);
            pieceAadLength = aadLength;
            pieceTextLength = 0;
        }

        /// <summary>Encrypts the next piece, data[offset .. offset+length), in place.</summary>
        public void SealPart(byte[] data, int offset, int length)
        {
            cipher.XorStream(data, offset, length);
            mac.Update(data, offset, length);
            pieceTextLength += length;
        }

        /// <summary>Writes the tag of the pieces sealed since <see cref="BeginSeal"/> to tag[tagOffset..].</summary>
        public void EndSeal(byte[] tag, int tagOffset)
        {
            CheckTag(tag, tagOffset);
            mac.PadToBlock();
            mac.UpdateLengths(pieceAadLength, pieceTextLength);
            mac.Final(tag, tagOffset);
        }

        /// <summary>
        /// Checks the tag at tag[tagOffset..] over the ciphertext data[offset .. offset+length) and
        /// the aad; if it matches, decrypts the data in place and returns true. Otherwise returns
        /// false and leaves the data as it was (still ciphertext).
        /// </summary>
        public bool Open(byte[] nonce, int nonceOffset, byte[]? aad, int aadOffset, int aadLength,
            byte[] data, int offset, int length, byte[] tag, int tagOffset)
        {
            CheckTag(tag, tagOffset);
            Begin(nonce, nonceOffset, aad, aadOffset, aadLength);
            Finish(data, offset, length, aadLength, expected, 0);
            // Compared without an early exit, so the time taken says nothing about where they differ.
            int difference = 0;
            for (int i = 0; i < TagSize; i++)
            {
                difference |= expected[i] ^ tag[tagOffset + i];
            }
            if (difference != 0)
            {
                return false;
            }
            cipher.Xor(1, data, offset, length);
            return true;
        }

        /// <summary>Clears the key and working state from memory (the instance is unusable afterwards).</summary>
        public void Clear()
        {
            cipher.Clear();
            Array.Clear(oneTimeKey, 0, oneTimeKey.Length);
            Array.Clear(expected, 0, expected.Length);
        }

        private static void CheckTag(byte[] tag, int tagOffset)
        {
            if (tag == null || tagOffset < 0 || tagOffset > tag.Length - TagSize)
            {
                throw new ArgumentException("a ChaCha20-Poly1305 tag is " + TagSize.ToString() + " bytes", nameof(tag));
            }
        }

        /// <summary>Sets the nonce, derives the one-time Poly1305 key (block 0) and authenticates the AAD.</summary>
        private void Begin(byte[] nonce, int nonceOffset, byte[]? aad, int aadOffset, int aadLength)
        {
            cipher.SetNonce(nonce, nonceOffset);
            cipher.Block(0, oneTimeKey, 0);
            mac.Init(oneTimeKey, 0);
            if (aadLength > 0)
            {
                if (aad == null)
                {
                    throw new ArgumentNullException(nameof(aad), "aadLength is " + aadLength.ToString() + " but aad is null");
                }
                mac.Update(aad, aadOffset, aadLength);
                mac.PadToBlock();
            }
        }

        /// <summary>Authenticates the ciphertext and both lengths, then writes the tag.</summary>
        private void Finish(byte[] ciphertext, int offset, int length, int aadLength, byte[] tag, int tagOffset)
        {
            mac.Update(ciphertext, offset, length);
            mac.PadToBlock();
            mac.UpdateLengths(aadLength, length);
            mac.Final(tag, tagOffset);
        }
    }
}
