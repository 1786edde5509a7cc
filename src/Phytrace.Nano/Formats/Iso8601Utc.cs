using System;

namespace Phytrace.Nano.Formats
{
    /// <summary>
    /// UDM timestamps: ISO-8601 UTC with microseconds and Z, "2026-11-27T15:04:05.123456Z"
    /// (27 ASCII bytes), written into a caller's buffer without allocating. Times are carried as
    /// microseconds since the Unix epoch, which fits a long for the next 290,000 years and is what
    /// the buffer stores per record.
    /// </summary>
    public static class Iso8601Utc
    {
        /// <summary>Bytes written by <see cref="Write"/>.</summary>
        public const int Length = 27;

        /// <summary>Unix epoch in DateTime ticks (100 ns), for conversions without DateTime arithmetic.</summary>
        public const long UnixEpochTicks = 621355968000000000L;

        /// <summary>Microseconds since the Unix epoch for a UTC DateTime.</summary>
        public static long ToUnixMicros(DateTime utc)
        {
            return (utc.Ticks - UnixEpochTicks) / 10;
        }

        /// <summary>1601-01-01T00:00:00Z, the first instant nanoFramework's DateTime can hold, in Unix microseconds.</summary>
        public const long MinDateTimeMicros = -11644473600000000L;

        /// <summary>3000-12-31T23:59:59.999999Z, the last instant nanoFramework's DateTime can hold, in Unix microseconds.</summary>
        public const long MaxDateTimeMicros = 32535215999999999L;

        /// <summary>
        /// The UTC DateTime for microseconds since the Unix epoch, from 1601-01-01 to 3000-12-31 on
        /// both runtimes: that is all nanoFramework's DateTime covers, and .NET refuses the rest
        /// with the same error rather than accept what the device cannot. UDM timestamps range
        /// over years 0001 to 9999: format and compare them as microseconds (<see cref="Write"/>).
        /// </summary>
        public static DateTime FromUnixMicros(long unixMicros)
        {
            if (unixMicros < MinDateTimeMicros || unixMicros > MaxDateTimeMicros)
            {
                throw new ArgumentOutOfRangeException(nameof(unixMicros), "unixMicros is " + unixMicros.ToString()
                    + ": expected a time from 1601-01-01 to 3000-12-31, the range of nanoFramework's DateTime (Iso8601Utc.Write formats years 0001 to 9999)");
            }
            return new DateTime(UnixEpochTicks + (unixMicros * 10), DateTimeKind.Utc);
        }

        /// <summary>
        /// Writes the timestamp for <paramref name="unixMicros"/> (years 0001 to 9999) at
        /// buffer[offset]; returns <see cref="Length"/>.
        /// </summary>
        public static int Write(long unixMicros, byte[] buffer, int offset)
        {
            if (buffer == null)
            {
                throw new ArgumentNullException(nameof(buffer));
            }
            if (offset < 0 || offset > buffer.Length - Length)
            {
                throw new ArgumentOutOfRangeException(nameof(offset), "buffer needs 27 bytes from offset for an ISO-8601 timestamp");
            }
            const long MicrosPerDay = 86400000000L;
            long days = FloorDiv(unixMicros, MicrosPerDay);
            long micros = unixMicros - (days * MicrosPerDay);

            // Civil date from days since 1970-01-01 (Howard Hinnant's days_from_civil, inverted).
            long z = days + 719468;
            long era = FloorDiv(z, 146097);
            long doe = z - (era * 146097);
            long yoe = (doe - (doe / 1460) + (doe / 36524) - (doe / 146096)) / 365;
            long year = yoe + (era * 400);
            long doy = doe - ((365 * yoe) + (yoe / 4) - (yoe / 100));
            long mp = ((5 * doy) + 2) / 153;
            long day = doy - (((153 * mp) + 2) / 5) + 1;
            long month = mp < 10 ? mp + 3 : mp - 9;
            if (month <= 2)
            {
                year++;
            }
            if (year < 1 || year > 9999)
            {
                throw new ArgumentOutOfRangeException(nameof(unixMicros), "timestamp must fall in years 0001 to 9999");
            }

            long secondsOfDay = micros / 1000000;
            long fraction = micros - (secondsOfDay * 1000000);
            int p = offset;
            p = Digits(buffer, p, year, 4);
            buffer[p++] = (byte)'-';
            p = Digits(buffer, p, month, 2);
            buffer[p++] = (byte)'-';
            p = Digits(buffer, p, day, 2);
            buffer[p++] = (byte)'T';
            p = Digits(buffer, p, secondsOfDay / 3600, 2);
            buffer[p++] = (byte)':';
            p = Digits(buffer, p, (secondsOfDay / 60) % 60, 2);
            buffer[p++] = (byte)':';
            p = Digits(buffer, p, secondsOfDay % 60, 2);
            buffer[p++] = (byte)'.';
            p = Digits(buffer, p, fraction, 6);
            buffer[p] = (byte)'Z';
            return Length;
        }

        /// <summary>The timestamp as a string (allocates; for logs, tools and tests).</summary>
        public static string ToString(long unixMicros)
        {
            var bytes = new byte[Length];
            Write(unixMicros, bytes, 0);
            var chars = new char[Length];
            for (int i = 0; i < Length; i++)
            {
                chars[i] = (char)bytes[i];
            }
            return new string(chars);
        }

        private static int Digits(byte[] buffer, int offset, long value, int width)
        {
            for (int i = width - 1; i >= 0; i--)
            {
                buffer[offset + i] = (byte)('0' + (int)(value % 10));
                value /= 10;
            }
            return offset + width;
        }

        private static long FloorDiv(long a, long b)
        {
            long q = a / b;
            if ((a % b != 0) && ((a < 0) != (b < 0)))
            {
                q--;
            }
            return q;
        }
    }
}
