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

        // The two hex digits of every byte value, and where each of the 16 bytes goes in the text:
        // one lookup per digit and no dash test per byte (every event writes a UUID).
        private static readonly byte[] HexPairs = BuildHexPairs();
        private static readonly byte[] TextPosition = new byte[] { 0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34 };

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
            byte[] pairs = HexPairs;
            byte[] at = TextPosition;
            for (int i = 0; i < ByteLength; i++)
            {
                int pair = uuid[uuidOffset + i] << 1;
                int p = textOffset + at[i];
                text[p] = pairs[pair];
                text[p + 1] = pairs[pair + 1];
            }
            text[textOffset + 8] = (byte)'-';
            text[textOffset + 13] = (byte)'-';
            text[textOffset + 18] = (byte)'-';
            text[textOffset + 23] = (byte)'-';
            return TextLength;
        }

        private static byte[] BuildHexPairs()
        {
            // Hex digits computed, not read from a string or another static field: this runs in
            // the static constructor, where another static field may not be initialised yet on
            // the device, and a string indexer is what the gate keeps to TextChars.
            var pairs = new byte[512];
            for (int b = 0; b < 256; b++)
            {
                pairs[2 * b] = HexDigit(b >> 4);
                pairs[(2 * b) + 1] = HexDigit(b & 0xF);
            }
            return pairs;
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
