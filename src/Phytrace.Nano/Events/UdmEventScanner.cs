using System;
using Phytrace.Nano.Formats;

namespace Phytrace.Nano.Events
{
    /// <summary>
    /// Passthrough gate: checks that bytes are one UDM event a batch can carry and every receiver
    /// can decode, and reads what the buffer needs from it. In one pass, without allocating:
    /// <list type="bullet">
    /// <item>RFC 8259 syntax: one object, strings closed, escapes valid, no raw control characters,
    /// numbers in JSON's grammar (no leading zeros, NaN or hex), literals spelled out, at most
    /// <see cref="MaxDepth"/> levels of nesting (a batch adds three; common parsers stop at 64);</item>
    /// <item>UTF-8 well-formed (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF)
    /// and \u escapes that are Unicode text (surrogate escapes only in pairs);</item>
    /// <item>the envelope (envelope.schema.json): the six required fields present once each, with
    /// the types, enums, version pattern and date-time formats of the schema; sequence_num a
    /// non-negative integer; each domain, provenance and extensions an object. Names are compared
    /// after unescaping. What lies inside the domains is not checked here: it cannot break a batch,
    /// and receivers validate it against the full schema.</item>
    /// </list>
    /// It reads the event_id's 16-byte key (see <see cref="EventIdKey"/>), captured_at in Unix
    /// microseconds, and where the object starts and ends (whitespace around it is not part of the
    /// event). A refusal throws <see cref="UdmScanException"/> naming the field, the byte offset and
    /// what was expected there. One scanner per thread.
    /// </summary>
    public sealed partial class UdmEventScanner
    {
        /// <summary>Deepest nesting accepted; the event object itself is level 1.</summary>
        public const int MaxDepth = 32;

        private const int StateValue = 0;
        private const int StateAfterValue = 1;
        private const int StateName = 2;
        private const int StateFirstName = 3;
        private const int StateFirstElement = 4;

        private readonly byte[] eventId = new byte[UuidText.ByteLength];
        private byte[] json = new byte[0];
        private int origin;
        private int end;
        private bool eventIdIsUuid;
        private long capturedAtMicros;
        private int eventStart;
        private int eventLength;

        /// <summary>The 16-byte key of the last scanned event's event_id (its UUID, or a derived UUIDv8).</summary>
        public byte[] EventId
        {
            get { return eventId; }
        }

        /// <summary>True if the last event_id was a canonical UUID, whose bytes <see cref="EventId"/> holds.</summary>
        public bool EventIdIsUuid
        {
            get { return eventIdIsUuid; }
        }

        /// <summary>The last scanned event's captured_at, microseconds since the Unix epoch.</summary>
        public long CapturedAtMicros
        {
            get { return capturedAtMicros; }
        }

        /// <summary>Index in the scanned array of the event's '{' (after any leading whitespace).</summary>
        public int EventStart
        {
            get { return eventStart; }
        }

        /// <summary>Bytes from '{' through the matching '}': the event in its canonical stored form.</summary>
        public int EventLength
        {
            get { return eventLength; }
        }

        /// <summary>
        /// Scans source[offset..+count). Throws <see cref="UdmScanException"/> if the bytes are not
        /// one well-formed event with a valid envelope; byte offsets in the message count from
        /// <paramref name="offset"/>.
        /// </summary>
        public void Scan(byte[] source, int offset, int count)
        {
            if (source == null || offset < 0 || count < 0 || offset > source.Length - count)
            {
                throw new UdmScanException("json", "offset and count must lie inside the buffer");
            }
            json = source;
            origin = offset;
            end = offset + count;
            byte[] j = source;
            int limit = end;
            int p = offset;
            while (p < limit && IsSpace(j[p]))
            {
                p++;
            }
            if (p >= limit)
            {
                throw Refuse(p, "json", count == 0 ? "no bytes: expected '{' starting the event object" : "only whitespace: expected '{' starting the event object");
            }
            if (j[p] != '{')
            {
                throw Refuse(p, "json", "expected '{': an event is one JSON object" + Found(j[p]));
            }
            eventStart = p;
            eventLength = 0;

            // One bit per open container, innermost in bit 0: 1 for an array, 0 for an object.
            uint stack = 0;
            int depth = 0;
            long seen = 0;
            int field = -1;
            int state = StateValue;
            while (true)
            {
                // Whitespace, inline: every byte above 0x20 leaves at the first test.
                byte c = 0;
                while (p < limit)
                {
                    c = j[p];
                    if (c > 0x20 || (c != 0x20 && c != 0x0A && c != 0x0D && c != 0x09))
                    {
                        break;
                    }
                    p++;
                }
                if (p >= limit)
                {
                    break;
                }
                if (state == StateFirstElement)
                {
                    if (c == ']')
                    {
                        p = Close(p, ref stack, ref depth, seen);
                        state = StateAfterValue;
                        continue;
                    }
                    state = StateValue;
                }
                if (state == StateValue)
                {
                    if (depth == 1 && field >= 0)
                    {
                        if (field < EnvelopeFields.FirstObject)
                        {
                            p = ScanEnvelopeValue(field, p, c);
                            state = StateAfterValue;
                            continue;
                        }
                        if (c != '{')
                        {
                            throw Refuse(p, EnvelopeFields.NameOf(field), "expected an object (the UDM schema makes it one)" + Found(c));
                        }
                    }
                    if (c == '"')
                    {
                        p = ScanString(j, p, limit);
                    }
                    else if (c == '{' || c == '[')
                    {
                        if (depth == MaxDepth)
                        {
                            throw Refuse(p, "json", "nesting deeper than " + MaxDepth.ToString() + " levels");
                        }
                        stack = (stack << 1) | (c == '[' ? 1u : 0u);
                        depth++;
                        p++;
                        state = c == '{' ? StateFirstName : StateFirstElement;
                        continue;
                    }
                    else if (c == '-' || (c >= '0' && c <= '9'))
                    {
                        p = ScanNumber(j, p, limit);
                    }
                    else if (c == 't' || c == 'f' || c == 'n')
                    {
                        p = ScanLiteral(j, p, limit, c);
                    }
                    else
                    {
                        throw Refuse(p, "json", "expected a value (object, array, string, number, true, false or null)" + Found(c));
                    }
                    state = StateAfterValue;
                    continue;
                }
                if (state == StateAfterValue)
                {
                    bool inArray = (stack & 1u) != 0;
                    if (depth == 0)
                    {
                        throw Refuse(p, "json", "unexpected bytes after the event object" + Found(c));
                    }
                    if (c == ',')
                    {
                        p++;
                        state = inArray ? StateValue : StateName;
                        continue;
                    }
                    if ((c == '}' && !inArray) || (c == ']' && inArray))
                    {
                        p = Close(p, ref stack, ref depth, seen);
                        continue;
                    }
                    throw Refuse(p, "json", (inArray ? "expected ',' or ']' after an array element" : "expected ',' or '}' after a property value") + Found(c));
                }
                // StateName or StateFirstName: a property name, or '}' right after '{'.
                if (c == '}' && state == StateFirstName)
                {
                    p = Close(p, ref stack, ref depth, seen);
                    state = StateAfterValue;
                    continue;
                }
                if (c != '"')
                {
                    throw Refuse(p, "json", (state == StateFirstName ? "expected a property name (a string) or '}'" : "expected a property name (a string) after ','") + Found(c));
                }
                int nameAt = p;
                p = ScanString(j, p, limit);
                if (depth == 1)
                {
                    field = TopLevelField(nameAt + 1, p - 1, lastStringEscaped);
                    if (field >= 0)
                    {
                        long bit = 1L << field;
                        if ((seen & bit) != 0)
                        {
                            throw Refuse(nameAt, EnvelopeFields.NameOf(field), "appears more than once (receivers would disagree on its value)");
                        }
                        seen |= bit;
                    }
                }
                while (p < limit && IsSpace(j[p]))
                {
                    p++;
                }
                if (p >= limit || j[p] != ':')
                {
                    throw Refuse(p, "json", "expected ':' after the property name" + FoundAt(p));
                }
                p++;
                state = StateValue;
            }
            if (depth != 0 || state != StateAfterValue)
            {
                throw Refuse(limit, "json", "the input ends inside the event: expected " + ExpectedAtEnd(state, stack, depth));
            }
        }

        /// <summary>Closes the innermost container at p; closing the event itself checks the required fields.</summary>
        private int Close(int p, ref uint stack, ref int depth, long seen)
        {
            if (depth == 1)
            {
                if ((seen & EnvelopeFields.RequiredMask) != EnvelopeFields.RequiredMask)
                {
                    for (int id = 0; id < EnvelopeFields.FirstObject; id++)
                    {
                        if ((EnvelopeFields.RequiredMask & (1L << id)) != 0 && (seen & (1L << id)) == 0)
                        {
                            throw Refuse(p, EnvelopeFields.NameOf(id), "is missing (required by the UDM envelope)");
                        }
                    }
                }
                eventLength = p + 1 - eventStart;
            }
            stack >>= 1;
            depth--;
            return p + 1;
        }

        private static string ExpectedAtEnd(int state, uint stack, int depth)
        {
            if (state == StateValue || state == StateFirstElement)
            {
                return "a value";
            }
            if (state == StateName)
            {
                return "a property name";
            }
            if (state == StateFirstName)
            {
                return "a property name or '}'";
            }
            string closers = depth == 1 ? "'}'" : depth.ToString() + " closing brackets";
            return ((stack & 1u) != 0 ? "',' or ']'" : "',' or '}'") + " (" + closers + " still open)";
        }

        private static bool IsSpace(byte c)
        {
            return c == ' ' || c == '\n' || c == '\r' || c == '\t';
        }

        private UdmScanException Refuse(int at, string field, string what)
        {
            return new UdmScanException(field, what, at - origin);
        }

        private string FoundAt(int p)
        {
            return p >= end ? ", found the end of the input" : Found(json[p]);
        }

        private static string Found(byte c)
        {
            if (c >= 0x20 && c < 0x7F)
            {
                return ", found '" + ((char)c).ToString() + "'";
            }
            return ", found byte 0x" + HexByte(c);
        }

        private static string HexByte(int b)
        {
            const string Digits = "0123456789ABCDEF";
            return Digits.Substring((b >> 4) & 0xF, 1) + Digits.Substring(b & 0xF, 1);
        }
    }
}
