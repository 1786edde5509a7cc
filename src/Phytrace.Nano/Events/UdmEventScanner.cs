using Phytrace.Nano.Formats;

namespace Phytrace.Nano.Events
{
    /// <summary>
    /// Passthrough support: reads event_id (as 16 bytes) and captured_at (as Unix microseconds) from
    /// an already-encoded UDM JSON event so its bytes can be buffered and batched unchanged. Walks
    /// the top-level object once, skipping nested values, without allocating; the JSON is checked
    /// only as far as the walk needs (balanced structure, strings closed, one top-level object).
    /// Top-level keys are matched as written (an escaped spelling of "event_id" is not recognised);
    /// the two values must be plain strings: a canonical UUID and an RFC 3339 date-time.
    /// Not thread-safe: one scanner per thread.
    /// </summary>
    public sealed class UdmEventScanner
    {
        private static readonly byte[] EventIdKey = TextChars.AsciiBytes("event_id");
        private static readonly byte[] CapturedAtKey = TextChars.AsciiBytes("captured_at");
        private readonly byte[] eventId = new byte[UuidText.ByteLength];
        private byte[] json = new byte[0];
        private int end;
        private long capturedAtMicros;

        /// <summary>The 16 bytes of the last scanned event's id.</summary>
        public byte[] EventId
        {
            get { return eventId; }
        }

        /// <summary>The last scanned event's captured_at, microseconds since the Unix epoch.</summary>
        public long CapturedAtMicros
        {
            get { return capturedAtMicros; }
        }

        /// <summary>
        /// Scans json[offset..+count). Throws <see cref="UdmScanException"/> naming event_id or
        /// captured_at when missing, repeated or malformed, or "json" when the bytes are not one object.
        /// </summary>
        public void Scan(byte[] source, int offset, int count)
        {
            if (source == null || offset < 0 || count < 0 || offset > source.Length - count)
            {
                throw new UdmScanException("json", "offset and count must lie inside the buffer");
            }
            json = source;
            end = offset + count;
            bool haveId = false;
            bool haveTime = false;
            int p = SkipSpace(offset);
            if (p >= end || json[p] != '{')
            {
                throw new UdmScanException("json", "an event must be a JSON object starting with '{'");
            }
            p = SkipSpace(p + 1);
            if (p < end && json[p] == '}')
            {
                p++;
            }
            else
            {
                while (true)
                {
                    if (p >= end || json[p] != '"')
                    {
                        throw Malformed(p, offset, "expected a property name");
                    }
                    int keyStart = p + 1;
                    p = SkipString(p);
                    int keyLength = p - 1 - keyStart;
                    p = SkipSpace(p);
                    if (p >= end || json[p] != ':')
                    {
                        throw Malformed(p, offset, "expected ':'");
                    }
                    p = SkipSpace(p + 1);
                    if (KeyIs(keyStart, keyLength, EventIdKey))
                    {
                        if (haveId)
                        {
                            throw new UdmScanException("event_id", "appears more than once");
                        }
                        p = ReadEventId(p);
                        haveId = true;
                    }
                    else if (KeyIs(keyStart, keyLength, CapturedAtKey))
                    {
                        if (haveTime)
                        {
                            throw new UdmScanException("captured_at", "appears more than once");
                        }
                        p = ReadCapturedAt(p);
                        haveTime = true;
                    }
                    else
                    {
                        p = SkipValue(p, offset);
                    }
                    p = SkipSpace(p);
                    if (p < end && json[p] == ',')
                    {
                        p = SkipSpace(p + 1);
                        continue;
                    }
                    if (p < end && json[p] == '}')
                    {
                        p++;
                        break;
                    }
                    throw Malformed(p, offset, "expected ',' or '}'");
                }
            }
            if (SkipSpace(p) != end)
            {
                throw Malformed(p, offset, "unexpected bytes after the event object");
            }
            if (!haveId)
            {
                throw new UdmScanException("event_id", "is missing");
            }
            if (!haveTime)
            {
                throw new UdmScanException("captured_at", "is missing");
            }
        }

        private int ReadEventId(int p)
        {
            int start = PlainString(p, "event_id");
            int close = SkipString(p) - 1;
            if (close - start != UuidText.TextLength || !ParseUuid(start))
            {
                throw new UdmScanException("event_id", "must be a UUID in canonical text form (36 characters, 8-4-4-4-12 hex digits)");
            }
            return close + 1;
        }

        private int ReadCapturedAt(int p)
        {
            int start = PlainString(p, "captured_at");
            int close = SkipString(p) - 1;
            long micros;
            if (!Rfc3339Reader.TryParse(json, start, close - start, out micros))
            {
                throw new UdmScanException("captured_at", "must be an RFC 3339 date-time such as 2026-06-07T19:00:00.000000Z");
            }
            capturedAtMicros = micros;
            return close + 1;
        }

        // Start of the contents of a string value that must not contain escapes.
        private int PlainString(int p, string field)
        {
            if (p >= end || json[p] != '"')
            {
                throw new UdmScanException(field, "must be a JSON string");
            }
            int close = SkipString(p) - 1;
            for (int i = p + 1; i < close; i++)
            {
                if (json[i] == '\\')
                {
                    throw new UdmScanException(field, "must not contain escape sequences");
                }
            }
            return p + 1;
        }

        private bool ParseUuid(int start)
        {
            int p = start;
            for (int i = 0; i < UuidText.ByteLength; i++)
            {
                if (i == 4 || i == 6 || i == 8 || i == 10)
                {
                    if (json[p++] != '-')
                    {
                        return false;
                    }
                }
                int hi = UuidText.HexValue((char)json[p++]);
                int lo = UuidText.HexValue((char)json[p++]);
                if (hi < 0 || lo < 0)
                {
                    return false;
                }
                eventId[i] = (byte)((hi << 4) | lo);
            }
            return true;
        }

        // Returns the index just past the closing quote of the string starting at p.
        private int SkipString(int p)
        {
            p++;
            while (p < end)
            {
                byte c = json[p];
                if (c == '\\')
                {
                    p += 2;
                    continue;
                }
                if (c == '"')
                {
                    return p + 1;
                }
                p++;
            }
            throw new UdmScanException("json", "unterminated string");
        }

        private int SkipValue(int p, int origin)
        {
            if (p >= end)
            {
                throw Malformed(p, origin, "expected a value");
            }
            byte c = json[p];
            if (c == '"')
            {
                return SkipString(p);
            }
            if (c == '{' || c == '[')
            {
                int depth = 0;
                while (p < end)
                {
                    c = json[p];
                    if (c == '"')
                    {
                        p = SkipString(p);
                        continue;
                    }
                    if (c == '{' || c == '[')
                    {
                        depth++;
                    }
                    else if (c == '}' || c == ']')
                    {
                        depth--;
                        if (depth == 0)
                        {
                            return p + 1;
                        }
                    }
                    p++;
                }
                throw new UdmScanException("json", "unbalanced braces or brackets");
            }
            // A number or literal runs until a delimiter.
            int start = p;
            while (p < end)
            {
                c = json[p];
                if (c == ',' || c == '}' || c == ']' || c == ' ' || c == '\t' || c == '\r' || c == '\n')
                {
                    break;
                }
                p++;
            }
            if (p == start)
            {
                throw Malformed(p, origin, "expected a value");
            }
            return p;
        }

        private int SkipSpace(int p)
        {
            while (p < end)
            {
                byte c = json[p];
                if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
                {
                    break;
                }
                p++;
            }
            return p;
        }

        private bool KeyIs(int start, int length, byte[] key)
        {
            if (length != key.Length)
            {
                return false;
            }
            for (int i = 0; i < length; i++)
            {
                if (json[start + i] != key[i])
                {
                    return false;
                }
            }
            return true;
        }

        private static UdmScanException Malformed(int p, int origin, string what)
        {
            return new UdmScanException("json", what + " at byte " + (p - origin).ToString());
        }
    }
}
