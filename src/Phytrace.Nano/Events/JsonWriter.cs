using System;
using Phytrace.Nano.Formats;

namespace Phytrace.Nano.Events
{
    /// <summary>
    /// Writes compact UTF-8 JSON into a caller-supplied byte[] without allocating: objects, arrays,
    /// strings (escaped), integers, doubles (shortest round-trip text), booleans, timestamps and
    /// UUIDs. Commas are placed automatically. One instance is reused for every event.
    /// Strings: '"' and '\' are escaped, control characters as \b \f \n \r \t or \u00XX, everything
    /// else is written as UTF-8 (surrogate pairs become one 4-byte sequence). A lone surrogate is
    /// refused with <see cref="JsonValueException"/> rather than replaced, so no text is silently changed.
    /// Not thread-safe.
    /// </summary>
    public sealed class JsonWriter
    {
        private const int MaxDepth = 16;
        private readonly bool[] needsComma = new bool[MaxDepth];
        private readonly ShortestDoubleDigits shortest = new ShortestDoubleDigits();
        private byte[] buffer;
        private int start;
        private int position;
        private int end;
        private int depth;
        private string? currentName;

        public JsonWriter()
        {
            buffer = new byte[0];
        }

        /// <summary>Starts a new document at buffer[offset], using at most <paramref name="count"/> bytes.</summary>
        public void Reset(byte[] target, int offset, int count)
        {
            if (target == null)
            {
                throw new ArgumentNullException(nameof(target));
            }
            if (offset < 0 || count < 0 || offset > target.Length - count)
            {
                throw new ArgumentOutOfRangeException(nameof(count), "offset and count must lie inside the buffer");
            }
            buffer = target;
            start = offset;
            position = offset;
            end = offset + count;
            depth = 0;
            needsComma[0] = false;
            currentName = null;
        }

        /// <summary>Bytes written since <see cref="Reset"/>.</summary>
        public int Length
        {
            get { return position - start; }
        }

        /// <summary>Nesting depth of open objects and arrays.</summary>
        public int Depth
        {
            get { return depth; }
        }

        public void WriteStartObject()
        {
            BeginValue();
            Open((byte)'{');
        }

        public void WriteStartObject(string name)
        {
            WritePropertyName(name);
            Open((byte)'{');
        }

        public void WriteEndObject()
        {
            Close((byte)'}');
        }

        public void WriteStartArray(string name)
        {
            WritePropertyName(name);
            Open((byte)'[');
        }

        public void WriteEndArray()
        {
            Close((byte)']');
        }

        /// <summary>Writes "name": (the next write is its value).</summary>
        public void WritePropertyName(string name)
        {
            if (name == null)
            {
                throw new ArgumentNullException(nameof(name));
            }
            BeginValue();
            currentName = name;
            WriteQuoted(name);
            Ensure(1);
            buffer[position++] = (byte)':';
            // The value that follows must not get a comma of its own.
            needsComma[depth] = false;
        }

        public void WriteString(string name, string? value)
        {
            WritePropertyName(name);
            WriteStringValue(value);
        }

        public void WriteStringValue(string? value)
        {
            if (value == null)
            {
                throw new JsonValueException(currentName, "string value is null");
            }
            BeginValue();
            WriteQuoted(value);
        }

        public void WriteNumber(string name, long value)
        {
            WritePropertyName(name);
            WriteNumberValue(value);
        }

        public void WriteNumberValue(long value)
        {
            BeginValue();
            WriteInteger(value);
        }

        public void WriteNumber(string name, double value)
        {
            WritePropertyName(name);
            WriteNumberValue(value);
        }

        /// <summary>
        /// Writes the shortest text that reads back as exactly <paramref name="value"/>, in
        /// ECMAScript Number.toString layout: plain digits for decimal exponents -7 &lt; x &lt; 21
        /// ("0.30000000000000004", "100", "0.000001"), otherwise d.ddde±x ("1e+21", "5e-324").
        /// Negative zero is "-0" so it round-trips. NaN and Infinity are refused.
        /// </summary>
        public void WriteNumberValue(double value)
        {
            if (IsNaN(value))
            {
                throw new JsonValueException(currentName, "NaN is not a JSON number");
            }
            if (value > double.MaxValue || value < -double.MaxValue)
            {
                throw new JsonValueException(currentName, "Infinity is not a JSON number");
            }
            BeginValue();
            WriteDouble(value);
        }

        public void WriteBool(string name, bool value)
        {
            WritePropertyName(name);
            WriteBoolValue(value);
        }

        public void WriteBoolValue(bool value)
        {
            BeginValue();
            if (value)
            {
                Ensure(4);
                buffer[position++] = (byte)'t';
                buffer[position++] = (byte)'r';
                buffer[position++] = (byte)'u';
                buffer[position++] = (byte)'e';
            }
            else
            {
                Ensure(5);
                buffer[position++] = (byte)'f';
                buffer[position++] = (byte)'a';
                buffer[position++] = (byte)'l';
                buffer[position++] = (byte)'s';
                buffer[position++] = (byte)'e';
            }
        }

        /// <summary>Writes "name":"YYYY-MM-DDTHH:MM:SS.ffffffZ" for microseconds since the Unix epoch.</summary>
        public void WriteTimestamp(string name, long unixMicros)
        {
            WritePropertyName(name);
            BeginValue();
            Ensure(Iso8601Utc.Length + 2);
            buffer[position++] = (byte)'"';
            position += Iso8601Utc.Write(unixMicros, buffer, position);
            buffer[position++] = (byte)'"';
        }

        /// <summary>Writes "name":"xxxxxxxx-xxxx-..." for the 16-byte UUID at uuid[uuidOffset].</summary>
        public void WriteUuid(string name, byte[] uuid, int uuidOffset)
        {
            WritePropertyName(name);
            BeginValue();
            Ensure(UuidText.TextLength + 2);
            buffer[position++] = (byte)'"';
            position += UuidText.Write(uuid, uuidOffset, buffer, position);
            buffer[position++] = (byte)'"';
        }

        private void Open(byte bracket)
        {
            if (depth + 1 >= MaxDepth)
            {
                throw new InvalidOperationException("JSON nesting deeper than " + MaxDepth.ToString());
            }
            Ensure(1);
            buffer[position++] = bracket;
            depth++;
            needsComma[depth] = false;
        }

        private void Close(byte bracket)
        {
            if (depth == 0)
            {
                throw new InvalidOperationException("no open JSON object or array to close");
            }
            Ensure(1);
            buffer[position++] = bracket;
            depth--;
            needsComma[depth] = true;
        }

        // Writes the separating comma when this value is not the first in its container.
        private void BeginValue()
        {
            if (needsComma[depth])
            {
                Ensure(1);
                buffer[position++] = (byte)',';
            }
            needsComma[depth] = true;
        }

        private void Ensure(int bytes)
        {
            if (bytes > end - position)
            {
                throw new JsonBufferTooSmallException(position - start + bytes, end - start);
            }
        }

        private void WriteQuoted(string text)
        {
            Ensure(2);
            buffer[position++] = (byte)'"';
            int length = text.Length;
            // The text's units from ToCharArray, taken only once a surrogate shows up: nanoCLR's
            // indexer cannot read a low surrogate (see TextChars). BMP text allocates nothing.
            char[]? units = null;
            for (int i = 0; i < length; i++)
            {
                char c = units != null ? units[i] : TextChars.OutsideSurrogates(text, i);
                if (units == null && TextChars.IsSurrogate(c))
                {
                    units = text.ToCharArray();
                    c = units[i];
                }
                if (c < 0x80)
                {
                    if (c == '"' || c == '\\')
                    {
                        Ensure(3);
                        buffer[position++] = (byte)'\\';
                        buffer[position++] = (byte)c;
                    }
                    else if (c < 0x20)
                    {
                        WriteControlEscape(c);
                    }
                    else
                    {
                        Ensure(2);
                        buffer[position++] = (byte)c;
                    }
                }
                else if (c < 0x800)
                {
                    Ensure(3);
                    buffer[position++] = (byte)(0xC0 | (c >> 6));
                    buffer[position++] = (byte)(0x80 | (c & 0x3F));
                }
                else if (c >= 0xD800 && c <= 0xDFFF)
                {
                    char low = i + 1 < length ? units![i + 1] : '\0';
                    if (c > 0xDBFF || low < 0xDC00 || low > 0xDFFF)
                    {
                        throw new JsonValueException(currentName, "lone UTF-16 surrogate at index " + i.ToString() + " cannot be encoded as UTF-8");
                    }
                    int codePoint = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
                    Ensure(5);
                    buffer[position++] = (byte)(0xF0 | (codePoint >> 18));
                    buffer[position++] = (byte)(0x80 | ((codePoint >> 12) & 0x3F));
                    buffer[position++] = (byte)(0x80 | ((codePoint >> 6) & 0x3F));
                    buffer[position++] = (byte)(0x80 | (codePoint & 0x3F));
                    i++;
                }
                else
                {
                    Ensure(4);
                    buffer[position++] = (byte)(0xE0 | (c >> 12));
                    buffer[position++] = (byte)(0x80 | ((c >> 6) & 0x3F));
                    buffer[position++] = (byte)(0x80 | (c & 0x3F));
                }
            }
            buffer[position++] = (byte)'"';
        }

        private void WriteControlEscape(char c)
        {
            if (c == '\0')
            {
                // A nanoFramework string ends at U+0000, so the device could never hold this text:
                // refused here rather than written differently on the two runtimes.
                throw new JsonValueException(currentName, "U+0000 cannot be written: a nanoFramework string ends at it, so the device would send different text");
            }
            byte shortForm = 0;
            switch (c)
            {
                case '\b': shortForm = (byte)'b'; break;
                case '\f': shortForm = (byte)'f'; break;
                case '\n': shortForm = (byte)'n'; break;
                case '\r': shortForm = (byte)'r'; break;
                case '\t': shortForm = (byte)'t'; break;
            }
            if (shortForm != 0)
            {
                Ensure(3);
                buffer[position++] = (byte)'\\';
                buffer[position++] = shortForm;
                return;
            }
            Ensure(7);
            buffer[position++] = (byte)'\\';
            buffer[position++] = (byte)'u';
            buffer[position++] = (byte)'0';
            buffer[position++] = (byte)'0';
            buffer[position++] = (byte)('0' + (c >> 4));
            int lowNibble = c & 0xF;
            buffer[position++] = (byte)(lowNibble < 10 ? '0' + lowNibble : 'a' + lowNibble - 10);
        }

        private void WriteInteger(long value)
        {
            // Digits are produced from the negative side so long.MinValue needs no special case.
            long n = value < 0 ? value : -value;
            int count = 1;
            for (long t = n / 10; t != 0; t /= 10)
            {
                count++;
            }
            int total = count + (value < 0 ? 1 : 0);
            Ensure(total);
            if (value < 0)
            {
                buffer[position++] = (byte)'-';
            }
            for (int i = count - 1; i >= 0; i--)
            {
                buffer[position + i] = (byte)('0' - (int)(n % 10));
                n /= 10;
            }
            position += count;
        }

        private void WriteDouble(double value)
        {
            long bits = BitConverter.DoubleToInt64Bits(value);
            bool negative = bits < 0;
            if ((bits & 0x7FFFFFFFFFFFFFFFL) == 0)
            {
                if (negative)
                {
                    Ensure(2);
                    buffer[position++] = (byte)'-';
                }
                else
                {
                    Ensure(1);
                }
                buffer[position++] = (byte)'0';
                return;
            }
            // Fast path: whole numbers below 2^53 print as their integer digits (same text as the
            // general path, which the tests cross-check), without big-integer work.
            if (value > -9007199254740992.0 && value < 9007199254740992.0)
            {
                long whole = (long)value;
                if ((double)whole == value)
                {
                    WriteInteger(whole);
                    return;
                }
            }
            shortest.Generate(value);
            byte[] d = shortest.Digits;
            int n = shortest.DigitCount;
            int p = shortest.PointPosition;
            Ensure(DoubleTextLength(negative, n, p));
            if (negative)
            {
                buffer[position++] = (byte)'-';
            }
            if (n <= p && p <= 21)
            {
                Array.Copy(d, 0, buffer, position, n);
                position += n;
                for (int i = n; i < p; i++)
                {
                    buffer[position++] = (byte)'0';
                }
            }
            else if (0 < p && p <= 21)
            {
                Array.Copy(d, 0, buffer, position, p);
                position += p;
                buffer[position++] = (byte)'.';
                Array.Copy(d, p, buffer, position, n - p);
                position += n - p;
            }
            else if (-6 < p && p <= 0)
            {
                buffer[position++] = (byte)'0';
                buffer[position++] = (byte)'.';
                for (int i = 0; i < -p; i++)
                {
                    buffer[position++] = (byte)'0';
                }
                Array.Copy(d, 0, buffer, position, n);
                position += n;
            }
            else
            {
                buffer[position++] = d[0];
                if (n > 1)
                {
                    buffer[position++] = (byte)'.';
                    Array.Copy(d, 1, buffer, position, n - 1);
                    position += n - 1;
                }
                buffer[position++] = (byte)'e';
                int exponent = p - 1;
                buffer[position++] = exponent < 0 ? (byte)'-' : (byte)'+';
                WriteUnsignedSmall(exponent < 0 ? -exponent : exponent);
            }
        }

        private static bool IsNaN(double value)
        {
            long bits = BitConverter.DoubleToInt64Bits(value);
            return (bits & 0x7FF0000000000000L) == 0x7FF0000000000000L && (bits & 0xFFFFFFFFFFFFFL) != 0;
        }

        // Bytes the layout of WriteDouble takes for n digits with the point at p.
        private static int DoubleTextLength(bool negative, int n, int p)
        {
            int sign = negative ? 1 : 0;
            if (n <= p && p <= 21)
            {
                return sign + p;
            }
            if (0 < p && p <= 21)
            {
                return sign + n + 1;
            }
            if (-6 < p && p <= 0)
            {
                return sign + 2 - p + n;
            }
            int exponent = p - 1 < 0 ? 1 - p : p - 1;
            int exponentDigits = exponent >= 100 ? 3 : (exponent >= 10 ? 2 : 1);
            return sign + n + (n > 1 ? 1 : 0) + 2 + exponentDigits;
        }

        private void WriteUnsignedSmall(int value)
        {
            if (value >= 100)
            {
                buffer[position++] = (byte)('0' + (value / 100));
            }
            if (value >= 10)
            {
                buffer[position++] = (byte)('0' + ((value / 10) % 10));
            }
            buffer[position++] = (byte)('0' + (value % 10));
        }
    }
}
