using Phytrace.Nano.Formats;

namespace Phytrace.Nano.Configuration
{
    /// <summary>
    /// How values appear in validation messages, the same on .NET and on the device (no
    /// double.ToString, which is lossy there).
    /// </summary>
    internal static class ConfigText
    {
        /// <summary>A string value in quotes, or "null".</summary>
        public static string Quote(string? value)
        {
            return value == null ? "null" : "\"" + value + "\"";
        }

        /// <summary>A decimal with up to three fractional digits: 2 -> "2", 1.5 -> "1.5", NaN -> "NaN".</summary>
        public static string Decimal(double value)
        {
            if (double.IsNaN(value))
            {
                return "NaN";
            }
            if (value > 1e15 || value < -1e15)
            {
                return value > 0 ? "a number above 1e15" : "a number below -1e15";
            }
            bool negative = value < 0;
            double magnitude = negative ? -value : value;
            long thousandths = (long)((magnitude * 1000.0) + 0.5);
            long whole = thousandths / 1000;
            long fraction = thousandths % 1000;
            string text = whole.ToString();
            if (fraction != 0)
            {
                string digits = fraction.ToString();
                while (digits.Length < 3)
                {
                    digits = "0" + digits;
                }
                while (TextChars.OutsideSurrogates(digits, digits.Length - 1) == '0')
                {
                    digits = digits.Substring(0, digits.Length - 1);
                }
                text = text + "." + digits;
            }
            return negative ? "-" + text : text;
        }

        /// <summary>"field is value: expected what".</summary>
        public static string Problem(string field, string value, string expected)
        {
            return field + " is " + value + ": expected " + expected;
        }
    }
}
