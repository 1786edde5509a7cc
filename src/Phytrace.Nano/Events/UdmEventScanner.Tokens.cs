using Phytrace.Nano.Formats;

namespace Phytrace.Nano.Events
{
    /// <summary>The scanner's tokens: strings (escapes, UTF-8), numbers and literals, per RFC 8259 and RFC 3629.</summary>
    public sealed partial class UdmEventScanner
    {
        private const byte Plain = 0;
        private const byte Quote = 1;
        private const byte Backslash = 2;
        private const byte Control = 3;
        private const byte NonAscii = 4;

        // What each byte means inside a string; one table read per byte is the string loop's only test
        // for the common case (the interpreter pays per IL instruction, so one lookup beats four compares).
        private static readonly byte[] StringClass = BuildStringClass();

        private static readonly byte[] TrueBytes = new byte[] { (byte)'t', (byte)'r', (byte)'u', (byte)'e' };
        private static readonly byte[] FalseBytes = new byte[] { (byte)'f', (byte)'a', (byte)'l', (byte)'s', (byte)'e' };
        private static readonly byte[] NullBytes = new byte[] { (byte)'n', (byte)'u', (byte)'l', (byte)'l' };

        // Whether the last string scanned had an escape (its text then differs from its bytes).
        private bool lastStringEscaped;

        /// <summary>Scans the string whose opening quote is at p; returns the index past its closing quote.</summary>
        private int ScanString(byte[] j, int p, int limit)
        {
            int open = p;
            byte[] classes = StringClass;
            bool escaped = false;
            p++;
            while (p < limit)
            {
                byte k = classes[j[p]];
                if (k == Plain)
                {
                    p++;
                    continue;
                }
                if (k == Quote)
                {
                    lastStringEscaped = escaped;
                    return p + 1;
                }
                if (k == Backslash)
                {
                    escaped = true;
                    p = ScanEscape(j, p, limit);
                    continue;
                }
                if (k == Control)
                {
                    throw Refuse(p, "json", "raw control character 0x" + HexByte(j[p]) + " inside a string: expected it escaped (\\n, \\t, \\u00XX)");
                }
                p = ScanUtf8(j, p, limit);
            }
            throw Refuse(open, "json", "string not closed: expected '\"' before the end of the input");
        }

        /// <summary>Checks the escape whose backslash is at p; returns the index past it.</summary>
        private int ScanEscape(byte[] j, int p, int limit)
        {
            if (p + 1 >= limit)
            {
                throw Refuse(p, "json", "the input ends inside an escape sequence");
            }
            byte e = j[p + 1];
            if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r' || e == 't')
            {
                return p + 2;
            }
            if (e != 'u')
            {
                throw Refuse(p, "json", "invalid escape '\\" + (e >= 0x20 && e < 0x7F ? ((char)e).ToString() : "0x" + HexByte(e))
                    + "': expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX");
            }
            int unit = Hex4(j, p + 2, limit);
            if (unit < 0)
            {
                throw Refuse(p, "json", "expected four hex digits after \\u");
            }
            if (unit >= 0xDC00 && unit <= 0xDFFF)
            {
                throw Refuse(p, "json", "\\u" + HexByte(unit >> 8) + HexByte(unit & 0xFF) + " is a lone low surrogate: expected Unicode text (a surrogate escape only as a high-low pair)");
            }
            if (unit >= 0xD800 && unit <= 0xDBFF)
            {
                int low = p + 11 < limit && j[p + 6] == '\\' && j[p + 7] == 'u' ? Hex4(j, p + 8, limit) : -1;
                if (low < 0xDC00 || low > 0xDFFF)
                {
                    throw Refuse(p, "json", "\\u" + HexByte(unit >> 8) + HexByte(unit & 0xFF) + " is a high surrogate: expected a low surrogate escape \\uDC00-\\uDFFF right after it");
                }
                return p + 12;
            }
            return p + 6;
        }

        /// <summary>The value of four hex digits at j[p..p+4), or -1.</summary>
        private static int Hex4(byte[] j, int p, int limit)
        {
            if (p + 4 > limit)
            {
                return -1;
            }
            int value = 0;
            for (int i = 0; i < 4; i++)
            {
                int d = UuidText.HexValue((char)j[p + i]);
                if (d < 0)
                {
                    return -1;
                }
                value = (value << 4) | d;
            }
            return value;
        }

        /// <summary>Checks the multi-byte UTF-8 character starting at p (RFC 3629, table 3-7 of Unicode); returns the index past it.</summary>
        private int ScanUtf8(byte[] j, int p, int limit)
        {
            int b0 = j[p];
            int more;
            int low = 0x80;
            int high = 0xBF;
            if (b0 >= 0xC2 && b0 <= 0xDF)
            {
                more = 1;
            }
            else if (b0 >= 0xE0 && b0 <= 0xEF)
            {
                more = 2;
                if (b0 == 0xE0)
                {
                    low = 0xA0; // shorter forms are overlong
                }
                else if (b0 == 0xED)
                {
                    high = 0x9F; // above are the UTF-16 surrogates
                }
            }
            else if (b0 >= 0xF0 && b0 <= 0xF4)
            {
                more = 3;
                if (b0 == 0xF0)
                {
                    low = 0x90;
                }
                else if (b0 == 0xF4)
                {
                    high = 0x8F; // above is beyond U+10FFFF
                }
            }
            else
            {
                throw Refuse(p, "json", "invalid UTF-8: byte 0x" + HexByte(b0) + (b0 < 0xC0 ? " continues no character" : " never starts a character (overlong or beyond U+10FFFF)"));
            }
            if (p + more >= limit)
            {
                throw Refuse(p, "json", "invalid UTF-8: the input ends inside a character");
            }
            int b1 = j[p + 1];
            if (b1 < low || b1 > high)
            {
                throw Refuse(p + 1, "json", "invalid UTF-8: byte 0x" + HexByte(b1) + " after 0x" + HexByte(b0) + ": expected 0x" + HexByte(low) + "-0x" + HexByte(high));
            }
            for (int k = 2; k <= more; k++)
            {
                int b = j[p + k];
                if ((b & 0xC0) != 0x80)
                {
                    throw Refuse(p + k, "json", "invalid UTF-8: byte 0x" + HexByte(b) + " inside a character: expected a continuation byte 0x80-0xBF");
                }
            }
            return p + more + 1;
        }

        /// <summary>Checks the number starting at p (JSON grammar); returns the index past it.</summary>
        private int ScanNumber(byte[] j, int p, int limit)
        {
            if (j[p] == '-')
            {
                p++;
                if (p >= limit || j[p] < '0' || j[p] > '9')
                {
                    throw Refuse(p, "json", "expected a digit after '-' (NaN and Infinity are not JSON)" + FoundAt(p));
                }
            }
            if (j[p] == '0')
            {
                p++;
                if (p < limit && j[p] >= '0' && j[p] <= '9')
                {
                    throw Refuse(p - 1, "json", "a number cannot start with 0 followed by digits (no leading zeros in JSON)");
                }
            }
            else
            {
                while (p < limit && j[p] >= '0' && j[p] <= '9')
                {
                    p++;
                }
            }
            if (p < limit && j[p] == '.')
            {
                p++;
                if (p >= limit || j[p] < '0' || j[p] > '9')
                {
                    throw Refuse(p, "json", "expected a digit after the decimal point" + FoundAt(p));
                }
                while (p < limit && j[p] >= '0' && j[p] <= '9')
                {
                    p++;
                }
            }
            if (p < limit && (j[p] == 'e' || j[p] == 'E'))
            {
                p++;
                if (p < limit && (j[p] == '+' || j[p] == '-'))
                {
                    p++;
                }
                if (p >= limit || j[p] < '0' || j[p] > '9')
                {
                    throw Refuse(p, "json", "expected a digit in the exponent" + FoundAt(p));
                }
                while (p < limit && j[p] >= '0' && j[p] <= '9')
                {
                    p++;
                }
            }
            return p;
        }

        /// <summary>Checks true, false or null at p (first byte <paramref name="c"/>); returns the index past it.</summary>
        private int ScanLiteral(byte[] j, int p, int limit, byte c)
        {
            byte[] word = c == 't' ? TrueBytes : c == 'f' ? FalseBytes : NullBytes;
            for (int i = 1; i < word.Length; i++)
            {
                if (p + i >= limit || j[p + i] != word[i])
                {
                    throw Refuse(p + i, "json", "expected the literal '" + (c == 't' ? "true" : c == 'f' ? "false" : "null") + "'" + FoundAt(p + i));
                }
            }
            return p + word.Length;
        }

        private static byte[] BuildStringClass()
        {
            var classes = new byte[256];
            for (int i = 0; i < 256; i++)
            {
                classes[i] = i < 0x20 ? Control : i >= 0x80 ? NonAscii : Plain;
            }
            classes['"'] = Quote;
            classes['\\'] = Backslash;
            return classes;
        }
    }
}
