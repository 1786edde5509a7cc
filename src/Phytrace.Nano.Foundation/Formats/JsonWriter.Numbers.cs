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
            // The separating comma, when one is due, is the bytes before the value.
            if (!TryWriteReading(Comma, commaSkip, value))
            {
                WriteNumberValueInFull(value);
            }
        }

        public void WriteNumber(string name, double value)
        {
            WritePropertyName(name);
            WriteNumberValue(value);
        }

        /// <summary>
        /// Writes "name":value. A reading (a short decimal, see <see cref="TryWriteReading"/>)
        /// goes in one step with its name's bytes; anything else as a name, then the value.
        /// </summary>
        public void WriteNumber(JsonName name, double value)
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
            // The bytes are ',"name":'; the comma is skipped for the first member.
            if (TryWriteReading(encoded, commaSkip, value))
            {
                currentName = name.text;
                return;
            }
            WritePropertyName(name);
            WriteNumberValueInFull(value);
        }

        // prefix[skip..] (a name or the comma), then a reading: a whole number below 2^31 (0 and
        // the axes a sensor leaves at 0, "-5", "4821") or a non-integer short decimal from 1e-6 up
        // ("48.213", "0.0234", what sensors produce), its digits straight into the buffer. False,
        // with nothing written, for any other value (the general path then writes it and refuses
        // NaN and Infinity, naming the field; -0 is left to it too) and when the buffer is too
        // short (where the general path's exact checks decide). Decimals of at most nine
        // significant digits are done here with int arithmetic; longer ones in TryWriteLongReading.
        // One method with its state in locals: on nanoCLR every call, field access and IL
        // instruction costs (a call about as much as ten additions), so each test here is one
        // the common reading needs.
        private bool TryWriteReading(byte[] prefix, int skip, double value)
        {
            // The sign by comparison, not from the bits (a native call): -0 is found below.
            double magnitude = value;
            int sign = 0;
            if (value < 0)
            {
                magnitude = -value;
                sign = 1;
            }
            int rest;
            int digits;
            int decimals;
            // NaN and the infinities fail the first test, and whole numbers of 2^31 and more.
            if (magnitude < 2147483648.0 && (double)(rest = (int)magnitude) == magnitude)
            {
                if (rest == 0 && BitConverter.DoubleToInt64Bits(value) != 0)
                {
                    // -0
                    return false;
                }
                decimals = 0;
                digits = rest < 100000
                    ? (rest < 100 ? (rest < 10 ? 1 : 2) : (rest < 1000 ? 3 : (rest < 10000 ? 4 : 5)))
                    : (rest < 10000000 ? (rest < 1000000 ? 6 : 7) : (rest < 100000000 ? 8 : (rest < 1000000000 ? 9 : 10)));
            }
            else
            {
                // As ShortDecimal.Scale finds a decimal of at most fifteen significant digits (its
                // comment says why this is exact), with the leading digit at 10^8: the digits fit
                // an int. The scale s comes from comparisons (three for most readings, cheaper than
                // the bits native): magnitude x 10^s is then in [10^8, 10^9] (the doubles 1e-1 to
                // 1e-5 lie just above the powers they stand for, and rounding keeps the bounds).
                // NaN, the infinities, values below 1e-6 and from 1e8 up take the long path.
                if (!(magnitude >= 1e-6 && magnitude < 1e8))
                {
                    return TryWriteLongReading(prefix, skip, value);
                }
                int s;
                if (magnitude >= 1e2)
                {
                    s = magnitude >= 1e5 ? (magnitude >= 1e7 ? 1 : (magnitude >= 1e6 ? 2 : 3)) : (magnitude >= 1e4 ? 4 : (magnitude >= 1e3 ? 5 : 6));
                }
                else if (magnitude >= 1e-2)
                {
                    s = magnitude >= 1 ? (magnitude >= 1e1 ? 7 : 8) : (magnitude >= 1e-1 ? 9 : 10);
                }
                else
                {
                    s = magnitude >= 1e-4 ? (magnitude >= 1e-3 ? 11 : 12) : (magnitude >= 1e-5 ? 13 : 14);
                }
                double[] powers = ShortDecimal.PowersOfTen;
                double product = magnitude * powers[s];
                if (product >= 1e9)
                {
                    s--;
                    product = magnitude * powers[s];
                }
                rest = (int)(product + 0.5);
                if (s < 1 || rest >= 1000000000 || rest < 100000000 || (double)rest / powers[s] != magnitude)
                {
                    return TryWriteLongReading(prefix, skip, value);
                }
                // rest is 10^8 or more: it ends in at most 8 zeros.
                decimals = s;
                if (rest % 10000 == 0)
                {
                    rest /= 10000;
                    decimals -= 4;
                    if (rest % 10000 == 0)
                    {
                        rest /= 10000;
                        decimals -= 4;
                    }
                }
                if (rest % 100 == 0)
                {
                    rest /= 100;
                    decimals -= 2;
                }
                if (rest % 10 == 0)
                {
                    rest /= 10;
                    decimals--;
                }
                digits = 9 - (s - decimals);
            }
            int prefixLength = prefix.Length - skip;
            // Whole: the digits; otherwise with the point, "0." and zeros before digits with no integer part.
            int length = sign + (decimals == 0 ? digits : (digits > decimals ? digits + 1 : 2 + decimals));
            int at = position;
            if (prefixLength + length > end - at)
            {
                return false;
            }
            byte[] b = buffer;
            Array.Copy(prefix, skip, b, at, prefixLength);
            at += prefixLength;
            position = at + length;
            commaSkip = 0;
            if (sign != 0)
            {
                b[at] = (byte)'-';
            }
            // Right to left from the last digit.
            at += length - 1;
            byte[] tens = DecimalDigits.Tens;
            byte[] ones = DecimalDigits.Ones;
            // The fraction: exactly 'decimals' digits, zeros where rest runs out ("0.0234");
            // none for a whole number.
            if (decimals > 0)
            {
                while (decimals >= 2)
                {
                    int q = rest / 100;
                    int r = rest - (q * 100);
                    b[at] = ones[r];
                    b[at - 1] = tens[r];
                    at -= 2;
                    rest = q;
                    decimals -= 2;
                }
                if (decimals == 1)
                {
                    int q = rest / 10;
                    b[at--] = (byte)('0' + (rest - (q * 10)));
                    rest = q;
                }
                b[at--] = (byte)'.';
            }
            // The integer part, at least one digit ("0.5").
            while (rest >= 100)
            {
                int q = rest / 100;
                int r = rest - (q * 100);
                b[at] = ones[r];
                b[at - 1] = tens[r];
                at -= 2;
                rest = q;
            }
            if (rest >= 10)
            {
                b[at] = ones[rest];
                b[at - 1] = tens[rest];
            }
            else
            {
                b[at] = (byte)('0' + rest);
            }
            return true;
        }

        // TryWriteReading for what its int path does not take: a non-integer short decimal of ten
        // to fifteen significant digits from 1e-6 up (ShortDecimal.Scale), digit by digit; false
        // for anything else (NaN, the infinities, whole numbers from 2^31, values below 1e-6,
        // more than fifteen digits) and when it does not fit.
        private bool TryWriteLongReading(byte[] prefix, int skip, double value)
        {
            long bits = BitConverter.DoubleToInt64Bits(value);
            double magnitude = bits < 0 ? -value : value;
            if (!(magnitude >= 1e-6 && magnitude < 9007199254740992.0) || (double)(long)magnitude == magnitude)
            {
                return false;
            }
            int decimals = ShortDecimal.Scale(magnitude, bits, out long scaled, out int digits);
            if (decimals <= 0)
            {
                return false;
            }
            int prefixLength = prefix.Length - skip;
            int length = (bits < 0 ? 1 : 0) + (digits > decimals ? digits + 1 : 2 + decimals);
            int at = position;
            if (prefixLength + length > end - at)
            {
                return false;
            }
            Array.Copy(prefix, skip, buffer, at, prefixLength);
            at += prefixLength;
            position = at + length;
            commaSkip = 0;
            if (bits < 0)
            {
                buffer[at] = (byte)'-';
            }
            WriteLongDecimal(buffer, at + length - 1, scaled, decimals);
            return true;
        }

        // scaled x 10^-decimals written right to left ending at b[at], its sign left to the caller:
        // the digits of a reading of more than nine significant digits, one 64-bit division each.
        private static void WriteLongDecimal(byte[] b, int at, long scaled, int decimals)
        {
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

        // Every double the reading path does not take, NaN and Infinity refused naming the field.
        private void WriteNumberValueInFull(double value)
        {
            // One test for both: NaN fails every comparison, the infinities lie beyond MaxValue.
            if (!(value >= -double.MaxValue && value <= double.MaxValue))
            {
                throw new JsonValueException(currentName, IsNaN(value) ? "NaN is not a JSON number" : "Infinity is not a JSON number");
            }
            BeginValue();
            long bits = BitConverter.DoubleToInt64Bits(value);
            WriteDouble(value, bits < 0, bits < 0 ? -value : value);
        }

        /// <summary>
        /// Writes "name":value. A count or sequence number (a whole number of magnitude below
        /// 2^31) goes in one step with its name's bytes, through the reading path (exact: such a
        /// long is a double); other values as a name, then the value.
        /// </summary>
        public void WriteNumber(JsonName name, long value)
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
            if (value > -2147483648L && value <= int.MaxValue && TryWriteReading(encoded, commaSkip, value))
            {
                currentName = name.text;
                return;
            }
            // The two steps, which also report exactly what did not fit.
            WritePropertyName(name);
            WriteNumberValue(value);
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

        // ',' as a value's prefix (see TryWriteReading).
        private static readonly byte[] Comma = { (byte)',' };

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
