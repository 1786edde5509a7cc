using System;

namespace Phytrace.Nano.Security
{
    /// <summary>
    /// Values derived from a master key with the ChaCha20 block function used as a PRF, as RFC 8439
    /// section 2.6 derives the Poly1305 key: output = the first bytes of ChaCha20(master key,
    /// counter, nonce). The master key is never used to seal anything itself, so the two uses below
    /// cannot meet: <see cref="SubKey"/> uses block counter 0 with a random 96-bit nonce,
    /// <see cref="KeyId"/> block counter 1 with a fixed nonce.
    /// </summary>
    public static class KeyDerivation
    {
        /// <summary>The nonce of the key-id block: "PN key id" in ASCII, zero-padded to 12 bytes.</summary>
        private static readonly byte[] KeyIdNonce = new byte[] { 0x50, 0x4E, 0x20, 0x6B, 0x65, 0x79, 0x20, 0x69, 0x64, 0, 0, 0 };

        /// <summary>
        /// Writes the 32-byte key for one context (a buffer region) to output[outputOffset..]:
        /// ChaCha20 block 0 under <paramref name="masterKey"/> with the 12-byte
        /// <paramref name="context"/> at <paramref name="contextOffset"/> as nonce. Contexts drawn
        /// at random (96 bits) give every region its own key, so nonces that are unique within a
        /// region never meet another region's under the same key. Uses <paramref name="scratch"/>
        /// (64 bytes) and <paramref name="cipher"/> so nothing is allocated.
        /// </summary>
        public static void SubKey(ChaCha20 cipher, byte[] masterKey, byte[] context, int contextOffset, byte[] scratch, byte[] output, int outputOffset)
        {
            Block(cipher, masterKey, 0, context, contextOffset, scratch);
            Array.Copy(scratch, 0, output, outputOffset, ChaCha20.KeySize);
            Array.Clear(scratch, 0, scratch.Length);
        }

        /// <summary>
        /// A 32-bit identifier of <paramref name="masterKey"/>, stored beside data sealed under it
        /// so that opening with another key is refused by name instead of failing record by record.
        /// Never 0 (0 means "no key"). Reveals nothing of the key: it is PRF output.
        /// </summary>
        public static uint KeyId(ChaCha20 cipher, byte[] masterKey, byte[] scratch)
        {
            Block(cipher, masterKey, 1, KeyIdNonce, 0, scratch);
            uint id = ChaCha20.Word(scratch, 0);
            Array.Clear(scratch, 0, scratch.Length);
            return id == 0 ? 1u : id;
        }

        private static void Block(ChaCha20 cipher, byte[] masterKey, uint counter, byte[] nonce, int nonceOffset, byte[] scratch)
        {
            if (scratch == null || scratch.Length < ChaCha20.BlockSize)
            {
                throw new ArgumentException("the scratch buffer must hold a 64-byte ChaCha20 block", nameof(scratch));
            }
            cipher.SetKey(masterKey, 0);
            cipher.SetNonce(nonce, nonceOffset);
            cipher.Block(counter, scratch, 0);
            cipher.Clear();
        }
    }
}
