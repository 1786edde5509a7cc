namespace Phytrace.Nano.Events
{
    /// <summary>
    /// The exact fast path for doubles that are short decimals (what sensors produce: 23.456789,
    /// 48.213, 0.0234), without big-integer arithmetic: for d = 0, 1, 2, ... decimals it rounds
    /// v x 10^d to an integer M and checks M / 10^d == v in double arithmetic. The first d that
    /// passes gives the shortest digits; values that need more than 15 significant digits are
    /// left to the general algorithm.
    /// <para>
    /// Why this is exact. M &lt; 10^15 &lt; 2^53 and 10^d (d &lt;= 22) are exact doubles, and IEEE
    /// division is correctly rounded, so M / 10^d == v holds exactly when the decimal M x 10^-d
    /// reads back as v: the test is the round trip itself. The decimals that read back as v fill an
    /// interval about one unit in the last place of v wide, less than v x 2^-52; scaled by 10^d
    /// below 10^15 it is narrower than 0.23, so it holds at most one integer, and rounding the
    /// computed product (off by at most 0.07) finds that integer when there is one. The shortest
    /// digit string of a non-integer v has the fewest decimals of all strings in the interval (the
    /// leading digit's position is the same for all of them), so the smallest d that passes yields
    /// exactly the digits the general algorithm generates, and the candidate being unique there
    /// leaves no tie to break. (M ends in 0 only for d = 0, an integer; its zeros are dropped, as
    /// the general algorithm does, since for d &gt; 0 M / 10 would have passed at d - 1.)
    /// </para>
    /// </summary>
    internal static class ShortDecimal
    {
        /// <summary>Significant digits the check is exact for (the scaled value stays below 10^15).</summary>
        public const int MaxDigits = 15;

        private const double Limit = 1e15;

        // Powers of ten that are exact doubles (10^22 is the largest).
        private static readonly double[] PowersOfTen =
        {
            1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
            1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
        };

        /// <summary>10^0 .. 10^15 as integers (digit counting).</summary>
        public static readonly long[] LongPowersOfTen =
        {
            1L, 10L, 100L, 1000L, 10000L, 100000L, 1000000L, 10000000L, 100000000L, 1000000000L,
            10000000000L, 100000000000L, 1000000000000L, 10000000000000L, 100000000000000L, 1000000000000000L,
        };

        /// <summary>
        /// The fewest decimals d (<paramref name="fromDecimals"/> to 22) for which
        /// <paramref name="v"/> (positive, finite) is exactly the double nearest to
        /// <paramref name="scaled"/> x 10^-d with <paramref name="scaled"/> below 10^15; -1 if there
        /// is none. For d &gt; 0, <paramref name="scaled"/> is not a multiple of 10. A caller that
        /// knows v is not an integer starts at 1 decimal.
        /// </summary>
        public static int Scale(double v, int fromDecimals, out long scaled)
        {
            scaled = 0;
            // Below 1e-7 the layout is exponential and the decimals run out before the digits do.
            if (!(v >= 1e-7 && v < Limit))
            {
                return -1;
            }
            double[] powers = PowersOfTen;
            for (int d = fromDecimals; d < powers.Length; d++)
            {
                double power = powers[d];
                double product = v * power;
                if (product >= Limit)
                {
                    return -1;
                }
                long m = (long)(product + 0.5);
                if ((double)m / power == v)
                {
                    scaled = m;
                    return d;
                }
            }
            return -1;
        }

        /// <summary>
        /// Writes the shortest digits of <paramref name="v"/> (positive and finite) as ASCII into
        /// <paramref name="digits"/> and returns their count, with v = 0.digits x
        /// 10^<paramref name="pointPosition"/>; returns 0 when v is not a decimal of at most 15
        /// significant digits and 22 decimals.
        /// </summary>
        public static int TryDigits(double v, byte[] digits, out int pointPosition)
        {
            pointPosition = 0;
            int d = Scale(v, 0, out long m);
            if (d < 0)
            {
                return 0;
            }
            int count = WriteDigits(m, digits, out int zeros);
            pointPosition = count + zeros - d;
            return count;
        }

        // The decimal digits of m (1 .. 10^15) into digits[0 ..), trailing zeros dropped; returns their count.
        private static int WriteDigits(long m, byte[] digits, out int zeros)
        {
            zeros = 0;
            while (m % 10 == 0)
            {
                m /= 10;
                zeros++;
            }
            int count = 1;
            for (long t = m / 10; t != 0; t /= 10)
            {
                count++;
            }
            for (int i = count - 1; i >= 0; i--)
            {
                long q = m / 10;
                digits[i] = (byte)('0' + (int)(m - (q * 10)));
                m = q;
            }
            return count;
        }
    }
}
