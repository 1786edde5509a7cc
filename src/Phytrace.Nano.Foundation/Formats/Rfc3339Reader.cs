namespace Phytrace.Nano.Formats
{
    /// <summary>
    /// Reads an RFC 3339 date-time ("2026-06-07T19:00:00Z", "2026-06-07T19:00:00.123456+02:00";
    /// 'T'/'t', 'Z'/'z', any number of fraction digits) from ASCII bytes into microseconds since the
    /// Unix epoch, without allocating. Strict: the day must exist in its month (no Feb 30), hours
    /// 00-23, minutes 00-59, second 60 only as a UTC leap second (23:59:60 after the offset), offsets
    /// up to 23:59 with a colon, 'T' (never a space) between date and time, a zone always given.
    /// Fraction digits beyond microseconds are truncated. Counterpart
    /// of <see cref="Iso8601Utc"/>, which writes the fixed 27-byte form; used to read captured_at of
    /// events encoded elsewhere.
    /// </summary>
    public static class Rfc3339Reader
    {
        /// <summary>True and the time if text[offset..+count) is exactly one RFC 3339 date-time.</summary>
        public static bool TryParse(byte[] text, int offset, int count, out long unixMicros)
        {
            unixMicros = 0;
            if (text == null || offset < 0 || count < 20 || offset > text.Length - count)
            {
                return false;
            }
            int end = offset + count;
            int p = offset;
            int year = Number(text, p, 4);
            int month = Number(text, p + 5, 2);
            int day = Number(text, p + 8, 2);
            int hour = Number(text, p + 11, 2);
            int minute = Number(text, p + 14, 2);
            int second = Number(text, p + 17, 2);
            byte t = text[p + 10];
            if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60
                || text[p + 4] != '-' || text[p + 7] != '-' || (t != 'T' && t != 't') || text[p + 13] != ':' || text[p + 16] != ':')
            {
                return false;
            }
            if (day > DaysInMonth(year, month))
            {
                return false;
            }
            p += 19;
            long fraction = 0;
            if (p < end && text[p] == '.')
            {
                p++;
                int digits = 0;
                while (p < end && text[p] >= '0' && text[p] <= '9')
                {
                    if (digits < 6)
                    {
                        fraction = (fraction * 10) + (text[p] - '0');
                    }
                    digits++;
                    p++;
                }
                if (digits == 0)
                {
                    return false;
                }
                for (int i = digits; i < 6; i++)
                {
                    fraction *= 10;
                }
            }
            if (p >= end)
            {
                return false;
            }
            long offsetSeconds = 0;
            byte zone = text[p];
            if (zone == 'Z' || zone == 'z')
            {
                p++;
            }
            else if ((zone == '+' || zone == '-') && end - p == 6 && text[p + 3] == ':')
            {
                int oh = Number(text, p + 1, 2);
                int om = Number(text, p + 4, 2);
                if (oh < 0 || oh > 23 || om < 0 || om > 59)
                {
                    return false;
                }
                offsetSeconds = (oh * 3600L) + (om * 60L);
                if (zone == '-')
                {
                    offsetSeconds = -offsetSeconds;
                }
                p += 6;
            }
            else
            {
                return false;
            }
            if (p != end)
            {
                return false;
            }
            if (second == 60)
            {
                // A leap second is inserted only as the last second of a UTC day: 23:59:60 in UTC.
                long utcMinute = ((hour * 60L) + minute - (offsetSeconds / 60)) % 1440L;
                if (utcMinute < 0)
                {
                    utcMinute += 1440L;
                }
                if (utcMinute != (23 * 60) + 59)
                {
                    return false;
                }
            }
            long days = DaysFromCivil(year, month, day);
            // A leap second (:60) is read as the last microsecond-aligned second it extends.
            long seconds = (days * 86400L) + (hour * 3600L) + (minute * 60L) + second - offsetSeconds;
            unixMicros = (seconds * 1000000L) + fraction;
            return true;
        }

        private static int Number(byte[] text, int at, int width)
        {
            int value = 0;
            for (int i = 0; i < width; i++)
            {
                int c = text[at + i] - '0';
                if (c < 0 || c > 9)
                {
                    return -1;
                }
                value = (value * 10) + c;
            }
            return value;
        }

        private static int DaysInMonth(int year, int month)
        {
            if (month == 2)
            {
                bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
                return leap ? 29 : 28;
            }
            return (month == 4 || month == 6 || month == 9 || month == 11) ? 30 : 31;
        }

        // Howard Hinnant's days_from_civil: days since 1970-01-01 for a proleptic Gregorian date.
        private static long DaysFromCivil(long y, long m, long d)
        {
            y -= m <= 2 ? 1 : 0;
            long era = (y >= 0 ? y : y - 399) / 400;
            long yoe = y - (era * 400);
            long doy = ((153 * (m + (m > 2 ? -3 : 9))) + 2) / 5 + d - 1;
            long doe = (yoe * 365) + (yoe / 4) - (yoe / 100) + doy;
            return (era * 146097) + doe - 719468;
        }
    }
}
