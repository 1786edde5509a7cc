using Phytrace.Nano.Formats;

namespace Phytrace.Nano.Events
{
    /// <summary>The scanner's envelope checks (envelope.schema.json), made on text after JSON unescaping.</summary>
    public sealed partial class UdmEventScanner
    {
        // Room for an unescaped name or envelope value; longer escaped values are read in pieces
        // (event_id) or cannot match (enums, versions, date-times of that length are refused).
        private const int DecodeCapacity = 128;

        private readonly byte[] decoded = new byte[DecodeCapacity];

        /// <summary>The id of the top-level name json[start..stop) (see <see cref="EnvelopeFields"/>), or -1.</summary>
        private int TopLevelField(int start, int stop, bool escaped)
        {
            if (!escaped)
            {
                return EnvelopeFields.Find(json, start, stop);
            }
            int cursor = start;
            int n = Unescape(ref cursor, stop);
            return cursor == stop ? EnvelopeFields.Find(decoded, 0, n) : -1;
        }

        /// <summary>Scans and checks the value at p (first byte <paramref name="c"/>) of envelope field <paramref name="field"/>.</summary>
        private int ScanEnvelopeValue(int field, int p, byte c)
        {
            string name = EnvelopeFields.NameOf(field);
            if (field == EnvelopeFields.SequenceNum)
            {
                if (c != '-' && (c < '0' || c > '9'))
                {
                    throw Refuse(p, name, "expected a non-negative integer" + Found(c));
                }
                int after = ScanNumber(json, p, end);
                CheckNonNegativeInteger(p, after);
                return after;
            }
            if (c != '"')
            {
                throw Refuse(p, name, "expected a string" + Found(c));
            }
            int close = ScanString(json, p, end);
            int start = p + 1;
            int stop = close - 1;
            if (field == EnvelopeFields.SessionId || field == EnvelopeFields.SdkVersion)
            {
                return close;
            }
            if (field == EnvelopeFields.EventId)
            {
                ReadEventId(p, start, stop);
                return close;
            }
            if (field == EnvelopeFields.SourceId)
            {
                if (stop == start)
                {
                    throw Refuse(p, name, "must not be empty");
                }
                return close;
            }

            byte[] text = json;
            int from = start;
            int length = stop - start;
            if (lastStringEscaped)
            {
                int cursor = start;
                length = Unescape(ref cursor, stop);
                text = decoded;
                from = 0;
                if (cursor != stop)
                {
                    length = -1;
                }
            }
            if (field == EnvelopeFields.UdmVersion)
            {
                if (length < 0 || !IsSemVer(text, from, from + length))
                {
                    throw Refuse(p, name, "expected a SemVer version such as \"0.0.3\" (major.minor.patch)" + Shown(text, from, length));
                }
            }
            else if (field == EnvelopeFields.EventType)
            {
                if (length < 0 || !IsEventType(text, from, length))
                {
                    throw Refuse(p, name, "expected a UDM event type (telemetry_periodic, state_transition, error, custom, ...: 18 values)" + Shown(text, from, length));
                }
            }
            else if (field == EnvelopeFields.SourceType)
            {
                if (length < 0 || !IsSourceType(text, from, length))
                {
                    throw Refuse(p, name, "expected a UDM source type (amr, agv, drone, cobot, custom, ...: 18 values)" + Shown(text, from, length));
                }
            }
            else
            {
                long micros;
                if (length < 0 || !Rfc3339Reader.TryParse(text, from, length, out micros))
                {
                    throw Refuse(p, name, "expected an RFC 3339 date-time such as 2026-06-07T19:00:00.000000Z" + Shown(text, from, length));
                }
                if (field == EnvelopeFields.CapturedAt)
                {
                    capturedAtMicros = micros;
                }
            }
            return close;
        }

        /// <summary>Derives the 16-byte key of the event_id json[start..stop) (quote of the value at <paramref name="valueAt"/>).</summary>
        private void ReadEventId(int valueAt, int start, int stop)
        {
            if (stop == start)
            {
                throw Refuse(valueAt, "event_id", "must not be empty (UDM: any non-empty string; a UUIDv7 is recommended)");
            }
            if (!lastStringEscaped)
            {
                eventIdIsUuid = EventIdKey.FromUtf8(json, start, stop - start, eventId, 0);
                return;
            }
            int cursor = start;
            int n = Unescape(ref cursor, stop);
            if (cursor == stop)
            {
                eventIdIsUuid = EventIdKey.FromUtf8(decoded, 0, n, eventId, 0);
                return;
            }
            // Longer than the decode buffer once unescaped: no UUID, so hash it piece by piece.
            ulong fnv;
            ulong poly;
            EventIdKey.Begin(out fnv, out poly);
            long total = 0;
            while (true)
            {
                EventIdKey.Absorb(decoded, 0, n, ref fnv, ref poly);
                total += n;
                if (cursor == stop)
                {
                    break;
                }
                n = Unescape(ref cursor, stop);
            }
            EventIdKey.Finish(fnv, poly, total, eventId, 0);
            eventIdIsUuid = false;
        }

        /// <summary>
        /// JSON Schema's "integer" with "minimum": 0 on the number json[start..stop): any number whose
        /// value is a whole number (1.0 and 1e2 are integers), not below zero (-0 is zero).
        /// </summary>
        private void CheckNonNegativeInteger(int start, int stop)
        {
            int q = start;
            bool negative = json[q] == '-';
            if (negative)
            {
                q++;
            }
            int intStart = q;
            while (q < stop && json[q] >= '0' && json[q] <= '9')
            {
                q++;
            }
            int intStop = q;
            int fracStart = q;
            int fracStop = q;
            if (q < stop && json[q] == '.')
            {
                q++;
                fracStart = q;
                while (q < stop && json[q] >= '0' && json[q] <= '9')
                {
                    q++;
                }
                fracStop = q;
            }
            long exponent = 0;
            if (q < stop)
            {
                q++;
                bool exponentNegative = json[q] == '-';
                if (json[q] == '-' || json[q] == '+')
                {
                    q++;
                }
                while (q < stop)
                {
                    if (exponent < 1000000000L)
                    {
                        exponent = (exponent * 10) + (json[q] - '0');
                    }
                    q++;
                }
                if (exponentNegative)
                {
                    exponent = -exponent;
                }
            }
            // Trailing zeros of all the digits; a number whose digits are all zero is zero.
            int trailingZeros = 0;
            bool nonZero = false;
            for (int i = fracStop - 1; i >= intStart && !nonZero; i--)
            {
                if (i >= intStop && i < fracStart)
                {
                    continue; // the decimal point
                }
                if (json[i] == '0')
                {
                    trailingZeros++;
                }
                else
                {
                    nonZero = true;
                }
            }
            if (!nonZero)
            {
                return;
            }
            if (negative)
            {
                throw Refuse(start, "sequence_num", "must not be negative (minimum 0)");
            }
            if (exponent - (fracStop - fracStart) + trailingZeros < 0)
            {
                throw Refuse(start, "sequence_num", "expected an integer, found a number with a fractional part");
            }
        }

        /// <summary>udm_version's pattern: ^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$ on text[start..stop).</summary>
        private static bool IsSemVer(byte[] text, int start, int stop)
        {
            int q = start;
            for (int part = 0; part < 3; part++)
            {
                int digits = q;
                while (q < stop && text[q] >= '0' && text[q] <= '9')
                {
                    q++;
                }
                if (q == digits)
                {
                    return false;
                }
                if (part < 2)
                {
                    if (q >= stop || text[q] != '.')
                    {
                        return false;
                    }
                    q++;
                }
            }
            if (q < stop && text[q] == '-')
            {
                q = SkipIdentifiers(text, q + 1, stop);
                if (q < 0)
                {
                    return false;
                }
            }
            if (q < stop && text[q] == '+')
            {
                q = SkipIdentifiers(text, q + 1, stop);
                if (q < 0)
                {
                    return false;
                }
            }
            return q == stop;
        }

        // One or more of [0-9A-Za-z.-]; returns the index past them, or -1 if there is none.
        private static int SkipIdentifiers(byte[] text, int q, int stop)
        {
            int first = q;
            while (q < stop)
            {
                byte c = text[q];
                if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.' || c == '-'))
                {
                    break;
                }
                q++;
            }
            return q == first ? -1 : q;
        }

        private static bool IsEventType(byte[] text, int start, int length)
        {
            for (int i = 0; i < UdmEventTypeNames.Count; i++)
            {
                if (TextIs(text, start, length, UdmEventTypeNames.ToUdm((UdmEventType)i)))
                {
                    return true;
                }
            }
            return false;
        }

        private static bool IsSourceType(byte[] text, int start, int length)
        {
            for (int i = 0; i < UdmSourceTypeNames.Count; i++)
            {
                if (TextIs(text, start, length, UdmSourceTypeNames.ToUdm((UdmSourceType)i)))
                {
                    return true;
                }
            }
            return false;
        }

        private static bool TextIs(byte[] text, int start, int length, string ascii)
        {
            if (ascii.Length != length)
            {
                return false;
            }
            for (int i = 0; i < length; i++)
            {
                // The enum names are ASCII: no surrogate to misread on nanoCLR.
                if (text[start + i] != TextChars.OutsideSurrogates(ascii, i))
                {
                    return false;
                }
            }
            return true;
        }

        /// <summary>
        /// Unescapes the already-checked string bytes json[cursor..stop) into <see cref="decoded"/>
        /// until they end or it is nearly full; returns the bytes written and moves cursor past what was read.
        /// </summary>
        private int Unescape(ref int cursor, int stop)
        {
            byte[] j = json;
            byte[] into = decoded;
            int q = cursor;
            int n = 0;
            while (q < stop && n <= DecodeCapacity - 4)
            {
                byte c = j[q];
                if (c != '\\')
                {
                    into[n++] = c;
                    q++;
                    continue;
                }
                byte e = j[q + 1];
                if (e != 'u')
                {
                    into[n++] = e == 'b' ? (byte)0x08 : e == 'f' ? (byte)0x0C : e == 'n' ? (byte)0x0A : e == 'r' ? (byte)0x0D : e == 't' ? (byte)0x09 : e;
                    q += 2;
                    continue;
                }
                int codePoint = Hex4(j, q + 2, stop);
                q += 6;
                if (codePoint >= 0xD800 && codePoint <= 0xDBFF)
                {
                    codePoint = 0x10000 + ((codePoint - 0xD800) << 10) + (Hex4(j, q + 2, stop) - 0xDC00);
                    q += 6;
                }
                n = Utf8Text.Write(codePoint, into, n);
            }
            cursor = q;
            return n;
        }

        /// <summary>", found \"...\"" for an error message: the value's printable ASCII, at most 40 characters.</summary>
        private static string Shown(byte[] text, int start, int length)
        {
            if (length < 0)
            {
                return ", found a value longer than " + DecodeCapacity.ToString() + " bytes once unescaped";
            }
            int shown = length > 40 ? 40 : length;
            var chars = new char[shown];
            for (int i = 0; i < shown; i++)
            {
                byte b = text[start + i];
                chars[i] = b >= 0x20 && b < 0x7F ? (char)b : '?';
            }
            return ", found \"" + new string(chars) + (length > shown ? "...\"" : "\"");
        }
    }
}
