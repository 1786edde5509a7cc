using System;

namespace Phytrace.Nano.Formats
{
    /// <summary>
    /// The 16-byte key the buffer stores for an event_id, used by EdgeBuffer.Remove and shown by
    /// tools. UDM allows any non-empty string as event_id; the key is derived from its UTF-8 text
    /// (after JSON unescaping):
    /// <list type="bullet">
    /// <item>a UUID in the canonical 8-4-4-4-12 text form (either case) keeps its own 16 bytes;</item>
    /// <item>any other string gets a UUIDv8 (RFC 9562, version 8, variant 10) whose other 122 bits
    /// come from two independent 64-bit hashes of the text and its length (FNV-1a and a
    /// multiplicative polynomial hash, each finished with the SplitMix64 mixer).</item>
    /// </list>
    /// Two different ids share a key only if both hashes collide at once: about n^2 / 2^123 for n
    /// ids in the buffer at the same time, for ids that are not chosen to collide. The hashes are
    /// not cryptographic; someone who picks ids on purpose can make two share a key. A collision
    /// costs this: Remove with one of the two ids removes whichever of the two is older in the
    /// buffer. Delivery is unaffected (the uplink acknowledges by sequence and receivers
    /// de-duplicate by the event_id text). Allocates nothing.
    /// </summary>
    public static class EventIdKey
    {
        private const ulong FnvOffset = 0xcbf29ce484222325UL;
        private const ulong FnvPrime = 0x100000001b3UL;
        private const ulong PolyOffset = 0x6a09e667f3bcc909UL;
        private const ulong PolyFactor = 0x9e3779b97f4a7c15UL;

        /// <summary>
        /// Writes the key of the event_id whose UTF-8 text is text[offset..+count) to key[keyOffset..+16).
        /// Returns true if the text was a canonical UUID (the key is that UUID), false if the key was derived.
        /// </summary>
        public static bool FromUtf8(byte[] text, int offset, int count, byte[] key, int keyOffset)
        {
            if (text == null || key == null)
            {
                throw new ArgumentNullException(text == null ? nameof(text) : nameof(key));
            }
            if (offset < 0 || count < 0 || offset > text.Length - count || keyOffset < 0 || keyOffset > key.Length - UuidText.ByteLength)
            {
                throw new ArgumentOutOfRangeException(nameof(count), "text range or key offset outside its array");
            }
            if (count == UuidText.TextLength && TryParseCanonical(text, offset, key, keyOffset))
            {
                return true;
            }
            // Not a UUID: the derived key overwrites all 16 bytes, so a near-UUID leaves nothing behind.
            ulong fnv = FnvOffset;
            ulong poly = PolyOffset;
            Absorb(text, offset, count, ref fnv, ref poly);
            Finish(fnv, poly, count, key, keyOffset);
            return false;
        }

        /// <summary>
        /// Starts a derived key over text that arrives in pieces (an id decoded from JSON escapes).
        /// Infrastructure for the core's UDM scanner (public because it lives in another assembly).
        /// </summary>
        public static void Begin(out ulong fnv, out ulong poly)
        {
            fnv = FnvOffset;
            poly = PolyOffset;
        }

        /// <summary>Adds text[offset..+count) to a derived key started with <see cref="Begin"/>.</summary>
        public static void Absorb(byte[] text, int offset, int count, ref ulong fnv, ref ulong poly)
        {
            ulong f = fnv;
            ulong q = poly;
            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                ulong b = text[i];
                f = (f ^ b) * FnvPrime;
                q = (q + b + 1UL) * PolyFactor;
            }
            fnv = f;
            poly = q;
        }

        /// <summary>The key of an event_id given as a string (allocates its UTF-8 form; for Remove and tools).</summary>
        public static bool FromString(string eventId, byte[] key, int keyOffset)
        {
            if (eventId == null)
            {
                throw new ArgumentNullException(nameof(eventId));
            }
            int length;
            byte[] utf8 = Utf8Of(eventId, out length);
            return FromUtf8(utf8, 0, length, key, keyOffset);
        }

        /// <summary>True if key[offset..+16) is a derived key (UUID version 8), so it is not the event_id's own text.</summary>
        public static bool IsDerived(byte[] key, int offset)
        {
            return (key[offset + 6] & 0xF0) == 0x80;
        }

        /// <summary>
        /// Strict UTF-8 of a string, as the device's strings hold it (no NUL, surrogates paired:
        /// ToCharArray, because the device's string indexer misreads the low half of a pair).
        /// </summary>
        private static byte[] Utf8Of(string text, out int length)
        {
            char[] chars = text.ToCharArray();
            var bytes = new byte[(chars.Length * 3) + 1]; // a unit takes at most 3 bytes, a pair 4
            int p = 0;
            for (int i = 0; i < chars.Length; i++)
            {
                int c = chars[i];
                if (c >= 0xD800 && c <= 0xDBFF && i + 1 < chars.Length && chars[i + 1] >= 0xDC00 && chars[i + 1] <= 0xDFFF)
                {
                    c = 0x10000 + ((c - 0xD800) << 10) + (chars[i + 1] - 0xDC00);
                    i++;
                }
                else if (c >= 0xD800 && c <= 0xDFFF)
                {
                    // A lone surrogate cannot be in a device string; on .NET it becomes U+FFFD, as the device would make it.
                    c = 0xFFFD;
                }
                p = Utf8Text.Write(c, bytes, p);
            }
            length = p;
            return bytes;
        }

        /// <summary>Reads a canonical UUID into key; on false, key holds a partial value the caller overwrites.</summary>
        private static bool TryParseCanonical(byte[] text, int offset, byte[] key, int keyOffset)
        {
            int p = offset;
            for (int i = 0; i < UuidText.ByteLength; i++)
            {
                if (i == 4 || i == 6 || i == 8 || i == 10)
                {
                    if (text[p++] != '-')
                    {
                        return false;
                    }
                }
                int hi = UuidText.HexValue((char)text[p]);
                int lo = UuidText.HexValue((char)text[p + 1]);
                if (hi < 0 || lo < 0)
                {
                    return false;
                }
                key[keyOffset + i] = (byte)((hi << 4) | lo);
                p += 2;
            }
            return true;
        }

        /// <summary>Writes the derived key (UUIDv8) of <paramref name="length"/> bytes of text absorbed into fnv and poly.</summary>
        public static void Finish(ulong fnv, ulong poly, long length, byte[] key, int keyOffset)
        {
            ulong bytes = (ulong)length;
            ulong high = Mix(fnv ^ (bytes * PolyFactor));
            ulong low = Mix(poly + high);
            for (int i = 7; i >= 0; i--)
            {
                key[keyOffset + i] = (byte)high;
                high >>= 8;
                key[keyOffset + 8 + i] = (byte)low;
                low >>= 8;
            }
            key[keyOffset + 6] = (byte)(0x80 | (key[keyOffset + 6] & 0x0F));
            key[keyOffset + 8] = (byte)(0x80 | (key[keyOffset + 8] & 0x3F));
        }

        // SplitMix64's finaliser: every input bit affects every output bit.
        private static ulong Mix(ulong z)
        {
            z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9UL;
            z = (z ^ (z >> 27)) * 0x94d049bb133111ebUL;
            return z ^ (z >> 31);
        }
    }
}
