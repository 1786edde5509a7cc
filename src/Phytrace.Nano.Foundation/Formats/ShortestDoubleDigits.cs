using System;

namespace Phytrace.Nano.Formats
{
    /// <summary>
    /// The shortest decimal digits that read back as exactly the same double. Doubles that are
    /// short decimals, as sensors report them (up to 15 significant digits), take
    /// <see cref="ShortDecimal"/>'s exact fast path; every other double takes Steele &amp; White /
    /// Burger &amp; Dybvig free-format digit generation with exact big-integer arithmetic
    /// (<see cref="GenerateExact"/>). Both give the same digits (the tests compare them on millions
    /// of values), on .NET and the device alike; double.ToString is lossy on the device. Buffers
    /// are allocated once per instance. Not thread-safe: one instance per writer.
    /// </summary>
    public sealed class ShortestDoubleDigits
    {
        /// <summary>At most 17 significant digits are ever needed for a double.</summary>
        public const int MaxDigits = 17;

        private readonly FixedBignum r = new FixedBignum();
        private readonly FixedBignum s = new FixedBignum();
        private readonly FixedBignum mPlus = new FixedBignum();
        private readonly FixedBignum mMinus = new FixedBignum();
        private readonly byte[] digits = new byte[MaxDigits + 1];
        private int digitCount;
        private int pointPosition;
        private bool usedShortDecimal;

        /// <summary>ASCII digits of the last <see cref="Generate"/>, [0 .. <see cref="DigitCount"/>).</summary>
        public byte[] Digits
        {
            get { return digits; }
        }

        /// <summary>Number of significant digits generated.</summary>
        public int DigitCount
        {
            get { return digitCount; }
        }

        /// <summary>True if the last <see cref="Generate"/> took the short-decimal fast path.</summary>
        public bool UsedShortDecimalPath
        {
            get { return usedShortDecimal; }
        }

        /// <summary>The value is 0.d1d2...dn x 10^PointPosition.</summary>
        public int PointPosition
        {
            get { return pointPosition; }
        }

        /// <summary>
        /// Generates the digits of |value|, which must be finite and not zero.
        /// </summary>
        public void Generate(double value)
        {
            int count = ShortDecimal.TryDigits(value < 0 ? -value : value, digits, out pointPosition);
            if (count > 0)
            {
                digitCount = count;
                usedShortDecimal = true;
                return;
            }
            GenerateExact(value);
        }

        /// <summary>
        /// <see cref="Generate"/> without the fast path: big-integer digit generation for every
        /// double (the reference the fast path is held to).
        /// </summary>
        public void GenerateExact(double value)
        {
            usedShortDecimal = false;
            long bits = BitConverter.DoubleToInt64Bits(value);
            int biasedExponent = (int)((bits >> 52) & 0x7FF);
            ulong fraction = (ulong)bits & 0xFFFFFFFFFFFFFUL;
            if (biasedExponent == 0x7FF)
            {
                throw new ArgumentException("NaN and Infinity have no decimal digits");
            }
            if (biasedExponent == 0 && fraction == 0)
            {
                throw new ArgumentException("zero is formatted by the caller");
            }

            ulong f;
            int e;
            if (biasedExponent == 0)
            {
                f = fraction;
                e = -1074;
            }
            else
            {
                f = fraction | 0x10000000000000UL;
                e = biasedExponent - 1075;
            }
            bool isEven = (f & 1) == 0;
            // The gap below is half as wide as the gap above at a power of two (except the smallest normal).
            bool unequalGaps = fraction == 0 && biasedExponent > 1;

            if (e >= 0)
            {
                r.SetUInt64(f);
                r.ShiftLeft(e + (unequalGaps ? 2 : 1));
                s.SetUInt64(unequalGaps ? 4UL : 2UL);
                mPlus.SetUInt64(1);
                mPlus.ShiftLeft(e + (unequalGaps ? 1 : 0));
                mMinus.SetUInt64(1);
                mMinus.ShiftLeft(e);
            }
            else
            {
                r.SetUInt64(f);
                r.ShiftLeft(unequalGaps ? 2 : 1);
                s.SetUInt64(1);
                s.ShiftLeft(-e + (unequalGaps ? 2 : 1));
                mPlus.SetUInt64(unequalGaps ? 2UL : 1UL);
                mMinus.SetUInt64(1);
            }

            int k = EstimatePower(f, e);
            if (k >= 0)
            {
                s.MultiplyPow10(k);
            }
            else
            {
                r.MultiplyPow10(-k);
                mPlus.MultiplyPow10(-k);
                mMinus.MultiplyPow10(-k);
            }
            // The estimate is never too high; raise it until the upper bound stays below s, so the
            // first digit is never zero.
            int high = FixedBignum.CompareSum(r, mPlus, s);
            while (isEven ? high >= 0 : high > 0)
            {
                s.MultiplySmall(10);
                k++;
                high = FixedBignum.CompareSum(r, mPlus, s);
            }
            pointPosition = k;

            digitCount = 0;
            while (true)
            {
                r.MultiplySmall(10);
                mPlus.MultiplySmall(10);
                mMinus.MultiplySmall(10);
                int digit = r.DivideSmallQuotient(s);
                int low = FixedBignum.Compare(r, mMinus);
                high = FixedBignum.CompareSum(r, mPlus, s);
                bool withinLow = isEven ? low <= 0 : low < 0;
                bool withinHigh = isEven ? high >= 0 : high > 0;
                if (!withinLow && !withinHigh)
                {
                    digits[digitCount++] = (byte)('0' + digit);
                    continue;
                }
                if (withinLow && withinHigh)
                {
                    // Both neighbours read back correctly: take the nearer one, ties to even.
                    int twice = r.CompareDoubled(s);
                    if (twice > 0 || (twice == 0 && (digit & 1) == 1))
                    {
                        digit++;
                    }
                }
                else if (withinHigh)
                {
                    digit++;
                }
                digits[digitCount++] = (byte)('0' + digit);
                break;
            }
        }

        /// <summary>A lower bound (by at most 2) of the decimal point position, from the binary exponent, in integers.</summary>
        private static int EstimatePower(ulong f, int e)
        {
            int bitLength = 0;
            ulong t = f;
            while (t != 0)
            {
                bitLength++;
                t >>= 1;
            }
            // ceil(exponent2 * log10(2)), with log10(2) rounded down (78913 / 2^18) for positive and up
            // (78914 / 2^18) for negative exponents, so the estimate never exceeds the true position.
            long exponent2 = e + bitLength - 1;
            if (exponent2 >= 0)
            {
                return (int)(((exponent2 * 78913L) + 262143L) >> 18);
            }
            return (int)-(((-exponent2) * 78914L) >> 18);
        }
    }
}
