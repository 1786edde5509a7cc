using System;

namespace Phytrace.Nano.Formats
{
    /// <summary>
    /// The exact fast path for doubles that are short decimals (what sensors produce: 23.456789,
    /// 48.213, 0.0234), without big-integer arithmetic and without a search: v is scaled once so
    /// that its leading digit stands at 10^14 (v x 10^s in [10^14, 10^15)), the product is
    /// rounded to an integer M, and M / 10^s == v is checked in double arithmetic. If it holds,
    /// M without its trailing zeros is the shortest digit string; otherwise v needs more than 15
    /// significant digits (or lies outside 1e-7 .. 1e15) and is left to the general algorithm.
    /// <para>
    /// Why this is exact. M &lt; 10^15 &lt; 2^53 and 10^s (s &lt;= 22) are exact doubles, and IEEE
    /// division is correctly rounded, so M / 10^s == v holds exactly when the decimal M x 10^-s
    /// reads back as v: the test is the round trip itself. The decimals that read back as v fill an
    /// interval about one unit in the last place of v wide, less than v x 2^-52; scaled by 10^s
    /// below 10^15 it is narrower than 0.23, so it holds at most one integer, and rounding the
    /// computed product (off by at most 0.07) finds that integer when there is one. Any decimal of
    /// at most 15 significant digits that reads back as v is, at this scale, an integer of that
    /// interval (its leading digit is at 10^13 or higher): so when the check passes there is no
    /// shorter one than M, and when it fails there is none of 15 digits or fewer at all. Stripping
    /// M's trailing zeros gives exactly the digits the general algorithm generates, with no tie to
    /// break. (The previous form searched s = 1, 2, 3, ... with one division per step; this one
    /// does one multiplication and one division whatever the number of decimals.)
    /// </para>
    /// </summary>
    internal static class ShortDecimal
    {
        /// <summary>Significant digits the check is exact for (the scaled value stays below 10^15).</summary>
        public const int MaxDigits = 15;

        /// <summary>What <see cref="Scale"/> returns for a value that is not a short decimal.</summary>
        public const int NotShort = int.MinValue;

        private const double Limit = 1e15;
        private const double LeadingDigitScale = 1e14;
        private const long LongLimit = 1000000000000000L;

        // Powers of ten that are exact doubles (10^22 is the largest); the JSON writer's reading
        // path scales by them too (JsonWriter.TryWriteReading).
        internal static readonly double[] PowersOfTen =
        {
            1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
            1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
        };

        /// <summary>
        /// For <paramref name="v"/> (positive, finite) with the IEEE bits <paramref name="bits"/>
        /// (its sign bit is ignored): the decimals d such that v is exactly the double nearest to
        /// <paramref name="digits"/> x 10^-d, where <paramref name="digits"/> is the shortest such
        /// integer (below 10^15, not a multiple of 10, <paramref name="count"/> decimal digits);
        /// d is 0 or negative for an integer. <see cref="NotShort"/> when v lies outside 1e-7 ..
        /// 1e15 or needs more than 15 significant digits.
        /// </summary>
        public static int Scale(double v, long bits, out long digits, out int count)
        {
            // Below 1e-7 the layout is exponential and 10^s would run past the exact powers.
            // (The out values are set where the method returns: on nanoCLR each store through
            // a reference costs, and a reading passes here.)
            if (!(v >= 1e-7 && v < Limit))
            {
                digits = 0;
                count = 0;
                return NotShort;
            }
            // floor(e2 x log10 2) (78913 / 2^18) is v's decimal exponent or one less, so s puts
            // the leading digit at 10^14 or at 10^15, where one step back corrects it.
            int binaryExponent = (int)((bits >> 52) & 0x7FF) - 1023;
            int s = 14 - ((binaryExponent * 78913) >> 18);
            double[] powers = PowersOfTen;
            double product = v * powers[s];
            if (product >= Limit)
            {
                s--;
                product = v * powers[s];
            }
            if (!(product >= LeadingDigitScale && product < Limit))
            {
                digits = 0;
                count = 0;
                return NotShort;
            }
            long m = (long)(product + 0.5);
            if (m == LongLimit && s > 0)
            {
                // v just below a power of ten that reads back as v (1e-6 is such a double): the
                // same decimal one scale down, where it has 15 digits.
                m = LongLimit / 10;
                s--;
            }
            if (m >= LongLimit || (double)m / powers[s] != v)
            {
                digits = 0;
                count = 0;
                return NotShort;
            }
            // M >= 10^14 ends in at most 14 zeros: 8 + 4 + 2 + 1 tests strip any number of them.
            int zeros = 0;
            if (m % 100000000L == 0)
            {
                m /= 100000000L;
                zeros = 8;
            }
            if (m % 10000L == 0)
            {
                m /= 10000L;
                zeros += 4;
            }
            if (m % 100L == 0)
            {
                m /= 100L;
                zeros += 2;
            }
            if (m % 10L == 0)
            {
                m /= 10L;
                zeros++;
            }
            digits = m;
            count = MaxDigits - zeros;
            return s - zeros;
        }

        /// <summary>
        /// Writes the shortest digits of <paramref name="v"/> (positive and finite) as ASCII into
        /// <paramref name="digits"/> and returns their count, with v = 0.digits x
        /// 10^<paramref name="pointPosition"/>; returns 0 when v is not a decimal of at most 15
        /// significant digits between 1e-7 and 1e15.
        /// </summary>
        public static int TryDigits(double v, byte[] digits, out int pointPosition)
        {
            pointPosition = 0;
            int d = Scale(v, BitConverter.DoubleToInt64Bits(v), out long m, out int count);
            if (d == NotShort)
            {
                return 0;
            }
            for (int i = count - 1; i >= 0; i--)
            {
                long q = m / 10;
                digits[i] = (byte)('0' + (int)(m - (q * 10)));
                m = q;
            }
            pointPosition = count - d;
            return count;
        }
    }
}
