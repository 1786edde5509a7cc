namespace Phytrace.Nano.Formats
{
    /// <summary>
    /// The two ASCII digits of 0..99 as two tables, tens and ones: writing a pair of digits is two
    /// lookups, with no division per digit (the JSON writer's numbers and timestamps).
    /// </summary>
    internal static class DecimalDigits
    {
        public static readonly byte[] Tens = Build(true);
        public static readonly byte[] Ones = Build(false);

        private static byte[] Build(bool tens)
        {
            var digits = new byte[100];
            for (int v = 0; v < 100; v++)
            {
                digits[v] = (byte)('0' + (tens ? v / 10 : v % 10));
            }
            return digits;
        }
    }
}
