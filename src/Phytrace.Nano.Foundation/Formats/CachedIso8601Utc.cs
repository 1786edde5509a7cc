using System;

namespace Phytrace.Nano.Formats
{
    /// <summary>
    /// Writes the same text as <see cref="Iso8601Utc.Write"/>, keeping the first 17 bytes
    /// ("2026-11-27T15:04:") of the last minute written: events a second or less apart share them,
    /// so most timestamps cost the seconds and microseconds only, where the calendar arithmetic was
    /// most of a timestamp's cost on the device. One per writer; not thread-safe.
    /// </summary>
    internal sealed class CachedIso8601Utc
    {
        private const long MicrosPerMinute = 60000000L;
        private const int MinuteLength = 17;

        private readonly byte[] minuteText = new byte[Iso8601Utc.Length];
        private long minute = long.MinValue;

        /// <summary>As <see cref="Iso8601Utc.Write"/>, without its argument checks: the caller has made room.</summary>
        public void Write(long unixMicros, byte[] buffer, int offset)
        {
            long m = unixMicros / MicrosPerMinute;
            if (m * MicrosPerMinute > unixMicros)
            {
                // Before 1970: the division rounded up.
                m--;
            }
            if (m != minute)
            {
                // Checks the year range as every timestamp is checked.
                Iso8601Utc.Write(m * MicrosPerMinute, minuteText, 0);
                minute = m;
            }
            Array.Copy(minuteText, 0, buffer, offset, MinuteLength);
            int micros = (int)(unixMicros - (m * MicrosPerMinute));
            int seconds = micros / 1000000;
            int fraction = micros - (seconds * 1000000);
            byte[] tens = DecimalDigits.Tens;
            byte[] ones = DecimalDigits.Ones;
            int p = offset + MinuteLength;
            buffer[p] = tens[seconds];
            buffer[p + 1] = ones[seconds];
            buffer[p + 2] = (byte)'.';
            int high = fraction / 10000;
            int rest = fraction - (high * 10000);
            int middle = rest / 100;
            rest -= middle * 100;
            buffer[p + 3] = tens[high];
            buffer[p + 4] = ones[high];
            buffer[p + 5] = tens[middle];
            buffer[p + 6] = ones[middle];
            buffer[p + 7] = tens[rest];
            buffer[p + 8] = ones[rest];
            buffer[p + 9] = (byte)'Z';
        }
    }
}
