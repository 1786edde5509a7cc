using Phytrace.Nano.Formats;
using Phytrace.Nano.Platform;

namespace Phytrace.Nano.DeviceTests.Golden
{
    /// <summary>
    /// Timestamps: items 0-399 write microseconds anywhere in years 0001-9999 (Iso8601Utc.Write;
    /// calendar edges first) and read the text back (Rfc3339Reader); items 400-639 read RFC 3339
    /// texts with 0-9 fraction digits, 'T'/'t', 'Z'/'z' and numeric offsets, and one text in three
    /// broken in a way RFC 3339 forbids. The output is the text written and what was read.
    /// On .NET the tool checks the written text against DateTime's own formatting and every read
    /// against DateTimeOffset's parsing (refusals against the kind of break made).
    /// </summary>
    public sealed class TimestampSet : IGoldenSet
    {
        public const int Writes = 400;
        public const int Reads = 240;
        public const long MinMicros = -62135596800000000L;
        public const long MaxMicros = 253402300799999999L;
        private const int Seed = 97;

        private static readonly long[] Edges =
        {
            0, -1, 1, MinMicros, MaxMicros, 951782400000000L, 951868800000000L, 4107542400000000L, 4107456000000000L, // 2000-02-29, 2000-03-01, 2100-03-01, 2100-02-28
            -11644473600000000L, -11644473600000001L, 32503680000000000L, 32503679999999999L, // 1601-01-01 and before, 3000-01-01 and before
            68169600000000L, 1795780800000000L, 253402214400000000L, -62104060800000000L, // 1972-02-29, 2026-11-27, 9999-12-31, 0002-01-01
        };

        public string Name
        {
            get { return "timestamps"; }
        }

        public int Count
        {
            get { return Writes + Reads; }
        }

        /// <summary>The instant of item <paramref name="index"/> (for writes, and the base of reads).</summary>
        public long Micros(int index)
        {
            if (index < Edges.Length)
            {
                return Edges[index];
            }
            XorShiftRandom r = GoldenInputs.ForItem(Seed, index);
            ulong raw = r.NextUInt64();
            long offset = (long)(raw >> 1);
            return MinMicros + (offset % (MaxMicros - MinMicros + 1));
        }

        /// <summary>
        /// Item <paramref name="index"/>'s text to read (index 400 on): its instant written in local
        /// time at a random offset, with 0-9 fraction digits; <paramref name="broken"/> says which break
        /// was made (0: none).
        /// </summary>
        public byte[] ReadText(int index, out int broken, out int offsetMinutes, out int fractionDigits)
        {
            XorShiftRandom r = GoldenInputs.ForItem(Seed + 1, index);
            offsetMinutes = r.NextInt(3) == 0 ? 0 : (r.NextInt(24 * 60 * 2 - 1) - (24 * 60 - 1));
            fractionDigits = r.NextInt(10);
            bool lower = r.NextInt(4) == 0;
            long utc = Micros(index);
            // Keep the local time inside years 0001-9999.
            long local = utc + (offsetMinutes * 60000000L);
            if (local < MinMicros || local > MaxMicros)
            {
                offsetMinutes = 0;
                local = utc;
            }
            var text = new byte[40];
            Iso8601Utc.Write(local, text, 0); // YYYY-MM-DDTHH:MM:SS.ffffffZ in the local time
            int n = 19;
            if (fractionDigits > 0)
            {
                text[n++] = (byte)'.';
                for (int i = 0; i < fractionDigits; i++)
                {
                    text[n++] = i < 6 ? text[20 + i] : (byte)('0' + r.NextInt(10));
                }
            }
            if (lower)
            {
                text[10] = (byte)'t';
            }
            if (offsetMinutes == 0 && r.NextInt(2) == 0)
            {
                text[n++] = lower ? (byte)'z' : (byte)'Z';
            }
            else
            {
                int magnitude = offsetMinutes < 0 ? -offsetMinutes : offsetMinutes;
                text[n++] = offsetMinutes < 0 ? (byte)'-' : (byte)'+';
                text[n++] = (byte)('0' + (magnitude / 600));
                text[n++] = (byte)('0' + (magnitude / 60 % 10));
                text[n++] = (byte)':';
                text[n++] = (byte)('0' + (magnitude % 60 / 10));
                text[n++] = (byte)('0' + (magnitude % 10));
            }
            broken = r.NextInt(3) == 0 ? 1 + r.NextInt(10) : 0;
            n = Break(text, n, broken);
            var exact = new byte[n];
            System.Array.Copy(text, exact, n);
            return exact;
        }

        public int Produce(int index, byte[] output)
        {
            byte[] text;
            if (index < Writes)
            {
                text = new byte[Iso8601Utc.Length];
                Iso8601Utc.Write(Micros(index), text, 0);
            }
            else
            {
                int broken;
                int offsetMinutes;
                int digits;
                text = ReadText(index, out broken, out offsetMinutes, out digits);
            }
            long read;
            bool ok = Rfc3339Reader.TryParse(text, 0, text.Length, out read);
            System.Array.Copy(text, output, text.Length);
            int n = text.Length;
            return n + GoldenInputs.Ascii(ok ? " | read " + read.ToString() : " | refused", output, n);
        }

        public string Describe(int index)
        {
            return "timestamp #" + index.ToString() + " (" + (index < Writes ? "write " : "read around ") + Micros(index).ToString() + " us)";
        }

        // Breaks the text the way RFC 3339 forbids; returns its new length.
        private static int Break(byte[] text, int n, int broken)
        {
            switch (broken)
            {
                case 1: text[5] = (byte)'1'; text[6] = (byte)'3'; break; // month 13
                case 2: text[8] = (byte)'3'; text[9] = (byte)'2'; break; // day 32
                case 3: text[11] = (byte)'2'; text[12] = (byte)'4'; break; // hour 24
                case 4: text[14] = (byte)'6'; text[15] = (byte)'0'; break; // minute 60
                case 5: return n - 1; // zone cut short, or missing
                case 6: text[10] = (byte)' '; break; // space instead of T
                case 7: text[n] = (byte)'x'; return n + 1; // trailing garbage
                case 8: text[4] = (byte)'/'; break; // wrong date separator
                case 9: text[5] = (byte)'0'; text[6] = (byte)'2'; text[8] = (byte)'3'; text[9] = (byte)'0'; break; // February 30
                case 10: text[19] = (byte)'.'; text[20] = (byte)'Z'; return 21; // empty fraction
                default: break;
            }
            return n;
        }
    }
}
