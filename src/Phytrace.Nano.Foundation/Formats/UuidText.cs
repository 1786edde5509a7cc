using System;

namespace Phytrace.Nano.Formats
{
    /// <summary>
    /// UUIDs as 16 bytes in RFC 9562 (network, big-endian) order and their canonical 36-character
    /// text "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" in lower case. System.Guid is avoided on purpose:
    /// its byte order is mixed-endian and its formatting allocates.
    /// </summary>
    public static class UuidText
    {
        /// <summary>Bytes in a UUID.</summary>
        public const int ByteLength = 16;

        /// <summary>Characters in the canonical text form.</summary>
        public const int TextLength = 36;

        // The high and the low hex digit of every byte value: two lookups per byte.
        private static readonly byte[] HexHigh = BuildHex(true);
        private static readonly byte[] HexLow = BuildHex(false);

        /// <summary>Writes the 36 ASCII characters of uuid[uuidOffset..+16) at text[textOffset]; returns 36.</summary>
        public static int Write(byte[] uuid, int uuidOffset, byte[] text, int textOffset)
        {
            if (uuid == null || text == null)
            {
                throw new ArgumentNullException(uuid == null ? nameof(uuid) : nameof(text));
            }
            if (uuidOffset < 0 || uuidOffset > uuid.Length - ByteLength || textOffset < 0 || textOffset > text.Length - TextLength)
            {
                throw new ArgumentOutOfRangeException(nameof(textOffset), "need 16 uuid bytes and 36 bytes of text space");
            }
            WriteUnchecked(uuid, uuidOffset, text, textOffset);
            return TextLength;
        }

        /// <summary>
        /// <see cref="Write"/> for a caller that has checked both ranges: written out byte by byte
        /// at constant positions, no loop, no position table.
        /// </summary>
        internal static void WriteUnchecked(byte[] uuid, int uuidOffset, byte[] text, int textOffset)
        {
            WriteLeadUnchecked(uuid, uuidOffset, text, textOffset);
            WriteRestUnchecked(uuid, uuidOffset, text, textOffset);
        }

        /// <summary>text[textOffset..+9): the first four bytes' hex and the dash after them.</summary>
        internal static void WriteLeadUnchecked(byte[] uuid, int uuidOffset, byte[] text, int textOffset)
        {
            byte[] high = HexHigh;
            byte[] low = HexLow;
            int v = uuid[uuidOffset];
            text[textOffset] = high[v];
            text[textOffset + 1] = low[v];
            v = uuid[uuidOffset + 1];
            text[textOffset + 2] = high[v];
            text[textOffset + 3] = low[v];
            v = uuid[uuidOffset + 2];
            text[textOffset + 4] = high[v];
            text[textOffset + 5] = low[v];
            v = uuid[uuidOffset + 3];
            text[textOffset + 6] = high[v];
            text[textOffset + 7] = low[v];
            text[textOffset + 8] = (byte)'-';
        }

        /// <summary>
        /// text[textOffset + 9..+36): the rest after <see cref="WriteLeadUnchecked"/> (the JSON
        /// writer keeps the lead of time-ordered ids, whose first four bytes seldom change).
        /// </summary>
        internal static void WriteRestUnchecked(byte[] uuid, int uuidOffset, byte[] text, int textOffset)
        {
            byte[] high = HexHigh;
            byte[] low = HexLow;
            int v = uuid[uuidOffset + 4];
            text[textOffset + 9] = high[v];
            text[textOffset + 10] = low[v];
            v = uuid[uuidOffset + 5];
            text[textOffset + 11] = high[v];
            text[textOffset + 12] = low[v];
            v = uuid[uuidOffset + 6];
            text[textOffset + 14] = high[v];
            text[textOffset + 15] = low[v];
            v = uuid[uuidOffset + 7];
            text[textOffset + 16] = high[v];
            text[textOffset + 17] = low[v];
            v = uuid[uuidOffset + 8];
            text[textOffset + 19] = high[v];
            text[textOffset + 20] = low[v];
            v = uuid[uuidOffset + 9];
            text[textOffset + 21] = high[v];
            text[textOffset + 22] = low[v];
            v = uuid[uuidOffset + 10];
            text[textOffset + 24] = high[v];
            text[textOffset + 25] = low[v];
            v = uuid[uuidOffset + 11];
            text[textOffset + 26] = high[v];
            text[textOffset + 27] = low[v];
            v = uuid[uuidOffset + 12];
            text[textOffset + 28] = high[v];
            text[textOffset + 29] = low[v];
            v = uuid[uuidOffset + 13];
            text[textOffset + 30] = high[v];
            text[textOffset + 31] = low[v];
            v = uuid[uuidOffset + 14];
            text[textOffset + 32] = high[v];
            text[textOffset + 33] = low[v];
            v = uuid[uuidOffset + 15];
            text[textOffset + 34] = high[v];
            text[textOffset + 35] = low[v];
            text[textOffset + 13] = (byte)'-';
            text[textOffset + 18] = (byte)'-';
            text[textOffset + 23] = (byte)'-';
        }

        private static byte[] BuildHex(bool high)
        {
            // Hex digits computed, not read from a string or another static field: this runs in
            // the static constructor, where another static field may not be initialised yet on
            // the device, and a string indexer is what the gate keeps to TextChars.
            var digits = new byte[256];
            for (int b = 0; b < 256; b++)
            {
                digits[b] = HexDigit(high ? b >> 4 : b & 0xF);
            }
            return digits;
        }

        private static byte HexDigit(int nibble)
        {
            return (byte)(nibble < 10 ? '0' + nibble : 'a' + nibble - 10);
        }

        /// <summary>The canonical text of a UUID (allocates).</summary>
        public static string ToString(byte[] uuid, int uuidOffset)
        {
            var text = new byte[TextLength];
            Write(uuid, uuidOffset, text, 0);
            var chars = new char[TextLength];
            for (int i = 0; i < TextLength; i++)
            {
                chars[i] = (char)text[i];
            }
            return new string(chars);
        }

        /// <summary>
        /// Parses canonical text (either case) into uuid[uuidOffset..+16); false, writing nothing
        /// meaningful, if <paramref name="text"/> is not 36 characters of hex with dashes at 8, 13, 18, 23.
        /// </summary>
        public static bool TryParse(string text, byte[] uuid, int uuidOffset)
        {
            if (text == null || text.Length != TextLength || uuid == null || uuidOffset < 0 || uuidOffset > uuid.Length - ByteLength)
            {
                return false;
            }
            int p = 0;
            for (int i = 0; i < ByteLength; i++)
            {
                if (i == 4 || i == 6 || i == 8 || i == 10)
                {
                    if (TextChars.OutsideSurrogates(text, p++) != '-')
                    {
                        return false;
                    }
                }
                // A surrogate reads wrongly on nanoCLR, but as no hex digit either way.
                int hi = HexValue(TextChars.OutsideSurrogates(text, p++));
                int lo = HexValue(TextChars.OutsideSurrogates(text, p++));
                if (hi < 0 || lo < 0)
                {
                    return false;
                }
                uuid[uuidOffset + i] = (byte)((hi << 4) | lo);
            }
            return true;
        }

        /// <summary>
        /// The value of one hex digit (either case), or -1. Infrastructure for the core's UDM
        /// scanner (public because it lives in another assembly); not part of the supported API.
        /// </summary>
        public static int HexValue(char c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }
            if (c >= 'a' && c <= 'f')
            {
                return c - 'a' + 10;
            }
            if (c >= 'A' && c <= 'F')
            {
                return c - 'A' + 10;
            }
            return -1;
        }
    }
}
