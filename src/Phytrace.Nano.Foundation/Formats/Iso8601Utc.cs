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

            // The time of day fits 32 bits: two digits at a time from a table (every event writes one).
            int secondsOfDay = (int)(micros / 1000000);
            int fraction = (int)(micros - ((long)secondsOfDay * 1000000));
            int hours = secondsOfDay / 3600;
            int minutes = (secondsOfDay / 60) - (hours * 60);
            int seconds = secondsOfDay - (((hours * 60) + minutes) * 60);
            int century = (int)year / 100;
            byte[] b = buffer;
            int p = offset;
            Pair(b, p, century);
            Pair(b, p + 2, (int)year - (century * 100));
            b[p + 4] = (byte)'-';
            Pair(b, p + 5, (int)month);
            b[p + 7] = (byte)'-';
            Pair(b, p + 8, (int)day);
            b[p + 10] = (byte)'T';
            Pair(b, p + 11, hours);
            b[p + 13] = (byte)':';
            Pair(b, p + 14, minutes);
            b[p + 16] = (byte)':';
            Pair(b, p + 17, seconds);
            b[p + 19] = (byte)'.';
            int high = fraction / 10000;
            int rest = fraction - (high * 10000);
            int middle = rest / 100;
            Pair(b, p + 20, high);
            Pair(b, p + 22, middle);
            Pair(b, p + 24, rest - (middle * 100));
            b[p + 26] = (byte)'Z';
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

        // The two decimal digits of value (0..99) at buffer[offset].
        private static void Pair(byte[] buffer, int offset, int value)
        {
            int tens = (value * 205) >> 11;
            buffer[offset] = (byte)('0' + tens);
            buffer[offset + 1] = (byte)('0' + value - (tens * 10));
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
