using System;
using Phytrace.Nano.Formats;
using Phytrace.Nano.Security;

namespace Phytrace.Nano.Storage
{
    /// <summary>
    /// Seals and opens the records of an encrypted region (FORMAT.md, Encryption): each record's
    /// payload is ChaCha20-Poly1305 ciphertext followed by its 16-byte tag, under a key derived for
    /// the region (from the master key, the region id and the region's random salt), with the
    /// nonce region id + record sequence, and the record's capture time, event id and clock flag
    /// as additional data. Buffers are allocated once; sealing and opening allocate nothing.
    /// One user at a time (the buffer calls it under its lock).
    /// </summary>
    public sealed class RecordSealer
    {
        /// <summary>Bytes the tag adds to every sealed record.</summary>
        public const int TagSize = ChaCha20Poly1305Aead.TagSize;

        /// <summary>Bytes of a master key.</summary>
        public const int KeySize = ChaCha20Poly1305Aead.KeySize;

        private const int AadSize = 32;

        private readonly byte[] masterKey = new byte[ChaCha20Poly1305Aead.KeySize];
        private readonly byte[] regionKey = new byte[ChaCha20Poly1305Aead.KeySize];
        private readonly byte[] context = new byte[ChaCha20.NonceSize];
        private readonly byte[] nonce = new byte[ChaCha20.NonceSize];
        private readonly byte[] aad = new byte[AadSize];
        private readonly byte[] scratch = new byte[ChaCha20.BlockSize];
        private readonly byte[] tag = new byte[TagSize];
        private readonly ChaCha20 derivation = new ChaCha20();
        private readonly ChaCha20Poly1305Aead aead;
        private readonly uint keyId;
        private uint regionId;
        private bool hasRegion;

        /// <summary>
        /// A sealer for <paramref name="key"/> (32 bytes, copied). ArgumentException for another
        /// length; the message never shows the key.
        /// </summary>
        public RecordSealer(byte[] key)
        {
            if (key == null || key.Length != ChaCha20Poly1305Aead.KeySize)
            {
                throw new ArgumentException("an encryption key is " + ChaCha20Poly1305Aead.KeySize.ToString() + " bytes, got "
                    + (key == null ? "null" : key.Length.ToString() + " bytes (value not shown)"), nameof(key));
            }
            Array.Copy(key, masterKey, masterKey.Length);
            keyId = KeyDerivation.KeyId(derivation, masterKey, scratch);
            // Sealed under a placeholder until UseRegion gives the region's key.
            aead = new ChaCha20Poly1305Aead(regionKey);
        }

        /// <summary>The key's id, stored in the checkpoint of every region sealed with it (never 0).</summary>
        public uint KeyId
        {
            get { return keyId; }
        }

        /// <summary>The 16-byte tag of the last <see cref="EndSeal"/>.</summary>
        public byte[] Tag
        {
            get { return tag; }
        }

        /// <summary>Derives the key of region <paramref name="id"/> with salt <paramref name="salt"/>; records are sealed and opened under it from now on.</summary>
        public void UseRegion(uint id, long salt)
        {
            LittleEndian.BytewiseWriteInt64(context, 0, salt);
            LittleEndian.BytewiseWriteUInt32(context, 8, id);
            KeyDerivation.SubKey(derivation, masterKey, context, 0, scratch, regionKey, 0);
            aead.SetKey(regionKey, 0);
            Array.Clear(regionKey, 0, regionKey.Length);
            regionId = id;
            hasRegion = true;
        }

        /// <summary>Starts sealing record <paramref name="sequence"/> of the region; its stored pieces follow through <see cref="SealPart"/>.</summary>
        public void BeginSeal(long sequence, long capturedAtUnixMicros, byte[] eventId, int eventIdOffset, bool clockSynced)
        {
            Prepare(sequence, capturedAtUnixMicros, eventId, eventIdOffset, clockSynced);
            aead.BeginSeal(nonce, 0, aad, 0, AadSize);
        }

        /// <summary>Encrypts the next piece of the record's payload in place.</summary>
        public void SealPart(byte[] data, int offset, int length)
        {
            aead.SealPart(data, offset, length);
        }

        /// <summary>Finishes the record: its tag is in <see cref="Tag"/>.</summary>
        public void EndSeal()
        {
            aead.EndSeal(tag, 0);
        }

        /// <summary>
        /// Opens a stored record, data[offset .. offset+storedLength) = ciphertext then tag: true,
        /// with the plaintext in data[offset .. offset+storedLength-16), if the tag matches the
        /// ciphertext, this region and sequence, the capture time, event id and clock flag; false
        /// (data left as it was) for a record that was changed, or sealed elsewhere or under another key.
        /// </summary>
        public bool Open(long sequence, long capturedAtUnixMicros, byte[] eventId, int eventIdOffset, bool clockSynced,
            byte[] data, int offset, int storedLength)
        {
            if (storedLength < TagSize)
            {
                return false;
            }
            Prepare(sequence, capturedAtUnixMicros, eventId, eventIdOffset, clockSynced);
            int textLength = storedLength - TagSize;
            return aead.Open(nonce, 0, aad, 0, AadSize, data, offset, textLength, data, offset + textLength);
        }

        private void Prepare(long sequence, long capturedAtUnixMicros, byte[] eventId, int eventIdOffset, bool clockSynced)
        {
            if (!hasRegion)
            {
                throw new InvalidOperationException("RecordSealer.UseRegion was not called: no region key");
            }
            LittleEndian.BytewiseWriteUInt32(nonce, 0, regionId);
            LittleEndian.BytewiseWriteInt64(nonce, 4, sequence);
            LittleEndian.BytewiseWriteInt64(aad, 0, capturedAtUnixMicros);
            Array.Copy(eventId, eventIdOffset, aad, 8, UuidText.ByteLength);
            aad[24] = clockSynced ? (byte)1 : (byte)0;
        }
    }
}
