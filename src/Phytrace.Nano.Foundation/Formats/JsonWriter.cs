using System;
using Phytrace.Nano.Platform;

namespace Phytrace.Nano.Formats
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
    public sealed partial class JsonWriter
    {
        private const int MaxDepth = 16;

        /// <summary>Strings this long or longer go to an installed UTF-8 native (see <see cref="PlatformNatives"/>).</summary>
        private const int NativeFromChars = 1;

        // What a JSON string cannot carry as it is: the quote, the backslash and U+0000 to U+001F.
        private static readonly char[] CharsToEscape =
        {
            '"', '\\', '\u0000', '\u0001', '\u0002', '\u0003', '\u0004', '\u0005', '\u0006', '\u0007', '\u0008', '\u0009',
            '\u000A', '\u000B', '\u000C', '\u000D', '\u000E', '\u000F', '\u0010', '\u0011', '\u0012', '\u0013', '\u0014',
            '\u0015', '\u0016', '\u0017', '\u0018', '\u0019', '\u001A', '\u001B', '\u001C', '\u001D', '\u001E', '\u001F',
        };

        // 1 while the next value is the first of its container (a member's ',"name":' bytes are
        // copied from byte 1, without the comma), 0 once one was written. One field, not a flag
        // per depth: closing a container always leaves its parent needing a comma, and opening
        // one always starts with none, so no level's flag has to be remembered; on the device an
        // array element costs twice a field, and every member reads and sets this.
        private int commaSkip;
        private readonly ShortestDoubleDigits shortest = new ShortestDoubleDigits();
        private readonly CachedIso8601Utc timestamps = new CachedIso8601Utc();
        // WriteUuid(JsonName, ...)'s ',"name":"xxxxxxxx-' as last written (see there): its length,
        // the name and the four bytes it was made for.
        private byte[] uuidLead = new byte[48];
        private int uuidLeadLength;
        private JsonName? uuidLeadName;
        private int uuidLeadBytes;
        private byte[] buffer;
        private int start;
        private int position;
        private int end;
        private int depth;
        private string? currentName;
        // The firmware's UTF-8 encoder (PlatformNatives), read once per document in Reset: on the
        // device a property read is a call, and WriteQuoted runs for every string of an event.
        private INativeUtf8? nativeUtf8;

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
            nativeUtf8 = PlatformNatives.Utf8;
            start = offset;
            position = offset;
            end = offset + count;
            depth = 0;
            commaSkip = 1;
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
            // The first value of a document or container (every event's own brace) in one step:
            // on the device each call of the general path (BeginValue, Open, Ensure) costs.
            int at = position;
            if (commaSkip == 0 || depth + 1 >= MaxDepth || at >= end)
            {
                BeginValue();
                Open((byte)'{');
                return;
            }
            buffer[at] = (byte)'{';
            position = at + 1;
            depth++;
            // commaSkip stays 1: the object's first member has no comma.
        }

        public void WriteStartObject(string name)
        {
            WritePropertyName(name);
            Open((byte)'{');
        }

        /// <summary>Writes "name":{ (every domain of an event opens this way: one copy and one store).</summary>
        public void WriteStartObject(JsonName name)
        {
            if (name == null)
            {
                throw new ArgumentNullException(nameof(name));
            }
            byte[]? encoded = name.encoded;
            if (encoded == null)
            {
                encoded = EncodeName(name);
            }
            int d = depth;
            // The bytes are ',"name":'; the comma is skipped for the first member.
            int skip = commaSkip;
            int count = encoded.Length - skip;
            int at = position;
            if (d + 1 >= MaxDepth || count + 1 > end - at)
            {
                // Too deep or too long: the two steps, which refuse it naming what was exceeded.
                WritePropertyName(name);
                Open((byte)'{');
                return;
            }
            byte[] b = buffer;
            Array.Copy(encoded, skip, b, at, count);
            b[at + count] = (byte)'{';
            position = at + count + 1;
            currentName = name.text;
            // The parent needs a comma after this object, which closing it says.
            depth = d + 1;
            commaSkip = 1;
        }

        /// <summary>
        /// Writes "name":{"firstMember":{ in one step: an object whose first member is an object
        /// (an event's power with its battery, context with its weather).
        /// </summary>
        public void WriteStartObject(JsonName name, JsonName firstMember)
        {
            if (name == null || firstMember == null)
            {
                throw new ArgumentNullException(name == null ? nameof(name) : nameof(firstMember));
            }
            byte[] outer = name.encoded ?? EncodeName(name);
            byte[] inner = firstMember.encoded ?? EncodeName(firstMember);
            int d = depth;
            int skip = commaSkip;
            int count = outer.Length - skip;
            // The inner name is the first member: its comma is skipped.
            int innerCount = inner.Length - 1;
            int at = position;
            if (d + 2 >= MaxDepth || count + innerCount + 2 > end - at)
            {
                // Too deep or too long: one at a time, which refuses it naming what was exceeded.
                WriteStartObject(name);
                WriteStartObject(firstMember);
                return;
            }
            byte[] b = buffer;
            Array.Copy(outer, skip, b, at, count);
            at += count;
            b[at] = (byte)'{';
            Array.Copy(inner, 1, b, at + 1, innerCount);
            at += innerCount + 1;
            b[at] = (byte)'{';
            position = at + 1;
            currentName = firstMember.text;
            depth = d + 2;
            commaSkip = 1;
        }

        public void WriteEndObject()
        {
            // Close's work written out: every domain of an event ends here, and on the device a call costs.
            int d = depth;
            int at = position;
            if (d == 0 || at >= end)
            {
                Close((byte)'}');
                return;
            }
            buffer[at] = (byte)'}';
            position = at + 1;
            depth = d - 1;
            commaSkip = 0;
        }

        public void WriteStartArray(string name)
        {
            WritePropertyName(name);
            Open((byte)'[');
        }

        public void WriteStartArray(JsonName name)
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
            WritePropertyNameText(name);
        }

        // "name": after the comma (if any) is written.
        private void WritePropertyNameText(string name)
        {
            currentName = name;
            WriteQuoted(name);
            Ensure(1);
            buffer[position++] = (byte)':';
            // The value that follows must not get a comma of its own.
            commaSkip = 1;
        }

        /// <summary>
        /// Writes "name": from its encoded bytes (one copy, no per-character work); the first
        /// time a name is written anywhere, it is encoded and its bytes are kept in it.
        /// </summary>
        public void WritePropertyName(JsonName name)
        {
            if (name == null)
            {
                throw new ArgumentNullException(nameof(name));
            }
            // The bytes are ',"name":'; the comma is skipped for the first member.
            byte[]? encoded = name.encoded;
            if (encoded == null)
            {
                encoded = EncodeName(name);
            }
            int skip = commaSkip;
            int count = encoded.Length - skip;
            if (count > end - position)
            {
                throw new JsonBufferTooSmallException(position - start + count, end - start);
            }
            Array.Copy(encoded, skip, buffer, position, count);
            position += count;
            currentName = name.text;
            // The value that follows must not get a comma of its own.
            commaSkip = 1;
        }

        // ',"name":' for a name written for the first time, kept in the name (made once; another
        // thread doing the same at the same time makes the same bytes). Encoded by this writer's
        // own code into a scratch array, the writer's state put back afterwards.
        private byte[] EncodeName(JsonName name)
        {
            byte[] savedBuffer = buffer;
            int savedStart = start;
            int savedPosition = position;
            int savedEnd = end;
            int savedCommaSkip = commaSkip;
            var scratch = new byte[(3 * name.text.Length) + 4];
            byte[] encoded;
            try
            {
                buffer = scratch;
                start = 0;
                position = 0;
                end = scratch.Length;
                scratch[position++] = (byte)',';
                WritePropertyNameText(name.text);
                encoded = new byte[position];
                Array.Copy(scratch, 0, encoded, 0, position);
            }
            finally
            {
                buffer = savedBuffer;
                start = savedStart;
                position = savedPosition;
                end = savedEnd;
                commaSkip = savedCommaSkip;
            }
            name.encoded = encoded;
            return encoded;
        }

        public void WriteString(string name, string? value)
        {
            WritePropertyName(name);
            WriteStringValue(value);
        }

        public void WriteString(JsonName name, string? value)
        {
            WritePropertyName(name);
            WriteStringValue(value);
        }

        /// <summary>
        /// As <see cref="WriteString(JsonName, string)"/>, copying the member's bytes from
        /// <paramref name="member"/> when <paramref name="value"/> is the string they were made
        /// from, and keeping them there otherwise.
        /// </summary>
        public void WriteString(JsonName name, string? value, EncodedMember member)
        {
            if (value == null || (object)value != (object?)member.value)
            {
                int begin = position;
                WriteString(name, value);
                // The member as written, kept after a comma (the name starts with a quote), so that
                // writing it again is one copy from byte 0 or 1, as a JsonName's bytes are.
                if (buffer[begin] == (byte)',')
                {
                    begin++;
                }
                int length = position - begin;
                if (length + 1 > member.bytes.Length)
                {
                    member.bytes = new byte[length + 1];
                }
                member.bytes[0] = (byte)',';
                Array.Copy(buffer, begin, member.bytes, 1, length);
                member.length = length + 1;
                member.value = value;
                return;
            }
            int skip = commaSkip;
            int count = member.length - skip;
            int at = position;
            if (count > end - at)
            {
                throw new JsonBufferTooSmallException(at - start + count, end - start);
            }
            Array.Copy(member.bytes, skip, buffer, at, count);
            position = at + count;
            commaSkip = 0;
            currentName = name.text;
        }

        /// <summary>
        /// Writes the members kept in <paramref name="run"/> again (one copy) when their values are
        /// these same string objects and returns true; otherwise writes nothing and returns false,
        /// and the caller writes the members and keeps them with <see cref="KeepRun"/>.
        /// </summary>
        public bool TryWriteRun(EncodedRun run, string? first, string? second, string? third)
        {
            if (!run.kept || (object?)first != (object?)run.first || (object?)second != (object?)run.second || (object?)third != (object?)run.third)
            {
                return false;
            }
            int skip = commaSkip;
            int count = run.length - skip;
            int at = position;
            if (count > end - at)
            {
                throw new JsonBufferTooSmallException(at - start + count, end - start);
            }
            Array.Copy(run.bytes, skip, buffer, at, count);
            position = at + count;
            commaSkip = 0;
            currentName = run.lastName;
            return true;
        }

        /// <summary>Where the next member will start: pass it to <see cref="KeepRun"/> after writing the members.</summary>
        public int RunStart
        {
            get { return position; }
        }

        /// <summary>
        /// Keeps in <paramref name="run"/> the members written since <paramref name="runStart"/>
        /// (string members of the current object), for these values; nothing is kept when no member was written.
        /// </summary>
        public void KeepRun(EncodedRun run, int runStart, string? first, string? second, string? third)
        {
            if (runStart < start || runStart > position)
            {
                throw new ArgumentOutOfRangeException(nameof(runStart), "runStart must be a position of this document");
            }
            int begin = runStart;
            if (begin < position && buffer[begin] == (byte)',')
            {
                begin++;
            }
            int length = position - begin;
            run.kept = length > 0;
            if (length + 1 > run.bytes.Length)
            {
                run.bytes = new byte[length + 1];
            }
            run.bytes[0] = (byte)',';
            Array.Copy(buffer, begin, run.bytes, 1, length);
            run.length = length + 1;
            run.first = first;
            run.second = second;
            run.third = third;
            run.lastName = currentName;
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

        public void WriteBool(string name, bool value)
        {
            WritePropertyName(name);
            WriteBoolValue(value);
        }

        public void WriteBool(JsonName name, bool value)
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
            WriteTimestampValue(unixMicros);
        }

        /// <summary>As <see cref="WriteTimestamp(string, long)"/>, with a pre-encoded name: one room check, the name's bytes, the text.</summary>
        public void WriteTimestamp(JsonName name, long unixMicros)
        {
            if (name == null)
            {
                throw new ArgumentNullException(nameof(name));
            }
            byte[] encoded = name.encoded ?? EncodeName(name);
            int skip = commaSkip;
            int count = encoded.Length - skip;
            int at = position;
            if (count + Iso8601Utc.Length + 2 > end - at)
            {
                // No room: the two steps, which report exactly what did not fit.
                WritePropertyName(name);
                WriteTimestampValue(unixMicros);
                return;
            }
            byte[] b = buffer;
            Array.Copy(encoded, skip, b, at, count);
            at += count;
            b[at] = (byte)'"';
            timestamps.Write(unixMicros, b, at + 1);
            b[at + Iso8601Utc.Length + 1] = (byte)'"';
            position = at + Iso8601Utc.Length + 2;
            currentName = name.text;
            commaSkip = 0;
        }

        private void WriteTimestampValue(long unixMicros)
        {
            BeginValue();
            Ensure(Iso8601Utc.Length + 2);
            byte[] b = buffer;
            int at = position;
            b[at] = (byte)'"';
            timestamps.Write(unixMicros, b, at + 1);
            b[at + Iso8601Utc.Length + 1] = (byte)'"';
            position = at + Iso8601Utc.Length + 2;
        }

        /// <summary>Writes "name":"xxxxxxxx-xxxx-..." for the 16-byte UUID at uuid[uuidOffset].</summary>
        public void WriteUuid(string name, byte[] uuid, int uuidOffset)
        {
            WritePropertyName(name);
            WriteUuidValue(uuid, uuidOffset);
        }

        /// <summary>
        /// As <see cref="WriteUuid(string, byte[], int)"/>, with a pre-encoded name: one room check,
        /// one copy of the bytes up to the id's fifth byte, the rest of the text.
        /// </summary>
        /// <remarks>
        /// ',"name":"' with the first four bytes' hex and their dash is kept from the last call
        /// (<see cref="uuidLead"/>): a time-ordered id (UUIDv7, every event's id) starts with its
        /// 48-bit millisecond timestamp, whose first four bytes change once every 65 seconds, so
        /// event after event they are one copy with the name. Other ids cost one copy more.
        /// </remarks>
        public void WriteUuid(JsonName name, byte[] uuid, int uuidOffset)
        {
            if (name == null || uuid == null)
            {
                throw new ArgumentNullException(name == null ? nameof(name) : nameof(uuid));
            }
            if (uuidOffset < 0 || uuidOffset > uuid.Length - UuidText.ByteLength)
            {
                throw new ArgumentOutOfRangeException(nameof(uuidOffset), "need 16 uuid bytes");
            }
            int lead = (uuid[uuidOffset] << 24) | (uuid[uuidOffset + 1] << 16) | (uuid[uuidOffset + 2] << 8) | uuid[uuidOffset + 3];
            if (name != uuidLeadName || lead != uuidLeadBytes)
            {
                KeepUuidLead(name, uuid, uuidOffset, lead);
            }
            int skip = commaSkip;
            int count = uuidLeadLength - skip;
            int at = position;
            // After the lead: 27 characters of the text and the closing quote.
            if (count + UuidText.TextLength - 9 + 1 > end - at)
            {
                // No room: the two steps, which report exactly what did not fit.
                WritePropertyName(name);
                WriteUuidValue(uuid, uuidOffset);
                return;
            }
            byte[] b = buffer;
            Array.Copy(uuidLead, skip, b, at, count);
            // The text starts 9 bytes before the lead's end.
            int text = at + count - 9;
            UuidText.WriteRestUnchecked(uuid, uuidOffset, b, text);
            b[text + UuidText.TextLength] = (byte)'"';
            position = text + UuidText.TextLength + 1;
            currentName = name.text;
            commaSkip = 0;
        }

        // uuidLead for this name and these first four bytes.
        private void KeepUuidLead(JsonName name, byte[] uuid, int uuidOffset, int lead)
        {
            byte[] encoded = name.encoded ?? EncodeName(name);
            int length = encoded.Length + 1 + 9;
            if (length > uuidLead.Length)
            {
                uuidLead = new byte[length];
            }
            Array.Copy(encoded, 0, uuidLead, 0, encoded.Length);
            uuidLead[encoded.Length] = (byte)'"';
            UuidText.WriteLeadUnchecked(uuid, uuidOffset, uuidLead, encoded.Length + 1);
            uuidLeadLength = length;
            uuidLeadName = name;
            uuidLeadBytes = lead;
        }

        private void WriteUuidValue(byte[] uuid, int uuidOffset)
        {
            BeginValue();
            if (uuid == null)
            {
                throw new ArgumentNullException(nameof(uuid));
            }
            if (uuidOffset < 0 || uuidOffset > uuid.Length - UuidText.ByteLength)
            {
                throw new ArgumentOutOfRangeException(nameof(uuidOffset), "need 16 uuid bytes");
            }
            Ensure(UuidText.TextLength + 2);
            byte[] b = buffer;
            int at = position;
            b[at] = (byte)'"';
            UuidText.WriteUnchecked(uuid, uuidOffset, b, at + 1);
            b[at + UuidText.TextLength + 1] = (byte)'"';
            position = at + UuidText.TextLength + 2;
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
            commaSkip = 1;
        }

        private void Close(byte bracket)
        {
            int d = depth;
            if (d == 0)
            {
                throw new InvalidOperationException("no open JSON object or array to close");
            }
            int at = position;
            if (at >= end)
            {
                throw new JsonBufferTooSmallException(at - start + 1, end - start);
            }
            buffer[at] = bracket;
            position = at + 1;
            depth = d - 1;
            commaSkip = 0;
        }

        // Writes the separating comma when this value is not the first in its container.
        private void BeginValue()
        {
            if (commaSkip == 0)
            {
                Ensure(1);
                buffer[position++] = (byte)',';
            }
            commaSkip = 0;
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
            INativeUtf8? native = nativeUtf8;
            if (native != null && WriteQuotedNative(native, text))
            {
                return;
            }
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

        // The firmware's UTF-8 encoder (a native call) for ASCII text with nothing to escape; false
        // leaves it to the portable loop (non-ASCII text, escapes, or less room than three bytes
        // per character, where the loop's exact check decides). One byte per character from the
        // encoder shows the text was ASCII, and only then is it searched for characters to escape
        // with the native IndexOfAny, which on nanoCLR misses what follows a surrogate pair.
        private bool WriteQuotedNative(INativeUtf8 native, string text)
        {
            int length = text.Length;
            if (length < NativeFromChars || (3 * length) + 2 > end - position)
            {
                return false;
            }
            int written = native.Encode(text, buffer, position + 1);
            if (written != length || TextChars.IndexOfAnyInAscii(text, CharsToEscape) >= 0)
            {
                return false;
            }
            buffer[position] = (byte)'"';
            position += written + 1;
            buffer[position++] = (byte)'"';
            return true;
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
    }
}
