using System;

namespace Phytrace.Nano.Formats
{
    /// <summary>Numbers: integers, and doubles as their shortest round-trip text.</summary>
    public sealed partial class JsonWriter
    {
        /// <summary>
        /// Writes the shortest text that reads back as exactly <paramref name="value"/>, in
        /// ECMAScript Number.toString layout: plain digits for decimal exponents -7 &lt; x &lt; 21
        /// ("0.30000000000000004", "100", "0.000001"), otherwise d.ddde±x ("1e+21", "5e-324").
        /// Negative zero is "-0" so it round-trips. NaN and Infinity are refused.
        /// </summary>
        public void WriteNumberValue(double value)
        {
            // One test for both: NaN fails every comparison, the infinities lie beyond MaxValue.
            if (!(value >= -double.MaxValue && value <= double.MaxValue))
            {
                throw new JsonValueException(currentName, IsNaN(value) ? "NaN is not a JSON number" : "Infinity is not a JSON number");
            }
            // BeginValue, written out (every reading passes here).
            bool[] comma = needsComma;
            if (comma[depth])
            {
                Ensure(1);
                buffer[position++] = (byte)',';
            }
            comma[depth] = true;
            // Readings take this path: a non-integer short decimal from 1e-6 up (plain layout,
            // "48.213", "0.0234"), its digits straight into the buffer. Kept in this method with
            // few locals: on the device every call and every local costs.
            long bits = BitConverter.DoubleToInt64Bits(value);
            double magnitude = bits < 0 ? -value : value;
            if (magnitude >= 1e-6 && magnitude < 9007199254740992.0 && (double)(long)magnitude != magnitude)
            {
                int decimals = ShortDecimal.Scale(magnitude, bits, out long scaled, out int digits);
                if (decimals > 0)
                {
                    WriteScaledDecimal(bits < 0, scaled, decimals, digits);
                    return;
                }
            }
            WriteDouble(value, bits < 0, magnitude);
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

        // Zero, whole numbers, and what is not a short decimal: the shortest digits from the
        // general algorithm.
        private void WriteDouble(double value, bool negative, double magnitude)
        {
            if (magnitude == 0)
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
            // Whole numbers below 2^53 print as their integer digits (the same text as the general
            // path, which the tests cross-check), without big-integer work.
            if (magnitude < 9007199254740992.0)
            {
                long whole = (long)magnitude;
                if ((double)whole == magnitude)
                {
                    WriteInteger(negative ? -whole : whole);
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

        // scaled x 10^-decimals, at least 1e-6 (so the layout is plain: "48.213", "0.0234"), with
        // decimals > 0 and scaled (of 'digits' digits) not a multiple of 10: the digits are written
        // right to left straight into the buffer, two at a time from a table, in 32-bit arithmetic
        // where the value allows (the device's 64-bit division is the slower one).
        private void WriteScaledDecimal(bool negative, long scaled, int decimals, int digits)
        {
            int point = digits - decimals;
            int length = (negative ? 1 : 0) + (point > 0 ? digits + 1 : 2 + decimals);
            Ensure(length);
            byte[] b = buffer;
            int at = position + length - 1;
            if (scaled > int.MaxValue)
            {
                // More than nine significant digits: rare for a reading, done digit by digit.
                long big = scaled;
                for (int i = 0; i < decimals; i++)
                {
                    long q = big / 10;
                    b[at--] = (byte)('0' + (int)(big - (q * 10)));
                    big = q;
                }
                b[at--] = (byte)'.';
                do
                {
                    long q = big / 10;
                    b[at--] = (byte)('0' + (int)(big - (q * 10)));
                    big = q;
                }
                while (big != 0);
            }
            else
            {
                byte[] pairs = DigitPairs;
                int rest = (int)scaled;
                // The fraction: exactly 'decimals' digits, zeros where rest runs out ("0.0234").
                int fraction = decimals;
                while (fraction >= 2)
                {
                    int q = rest / 100;
                    int pair = (rest - (q * 100)) << 1;
                    b[at] = pairs[pair + 1];
                    b[at - 1] = pairs[pair];
                    at -= 2;
                    rest = q;
                    fraction -= 2;
                }
                if (fraction == 1)
                {
                    int q = rest / 10;
                    b[at--] = (byte)('0' + (rest - (q * 10)));
                    rest = q;
                }
                b[at--] = (byte)'.';
                // The integer part, at least one digit ("0.5").
                while (rest >= 100)
                {
                    int q = rest / 100;
                    int pair = (rest - (q * 100)) << 1;
                    b[at] = pairs[pair + 1];
                    b[at - 1] = pairs[pair];
                    at -= 2;
                    rest = q;
                }
                if (rest >= 10)
                {
                    b[at] = DigitPairs[(rest << 1) + 1];
                    b[at - 1] = DigitPairs[rest << 1];
                    at -= 2;
                }
                else
                {
                    b[at--] = (byte)('0' + rest);
                }
            }
            if (negative)
            {
                b[at] = (byte)'-';
            }
            position += length;
        }

        // "00", "01", ... "99" as ASCII pairs.
        private static readonly byte[] DigitPairs = BuildDigitPairs();

        private static byte[] BuildDigitPairs()
        {
            var pairs = new byte[200];
            for (int v = 0; v < 100; v++)
            {
                pairs[2 * v] = (byte)('0' + (v / 10));
                pairs[(2 * v) + 1] = (byte)('0' + (v % 10));
            }
            return pairs;
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
