using System.Text;
using Phytrace.Nano.Events;
using Phytrace.Nano.Formats;

namespace Phytrace.Nano.Tests.Events;

/// <summary>Small helpers turning the writer's bytes into strings for assertions.</summary>
internal static class JsonText
{
    /// <summary>The text JsonWriter.WriteNumberValue produces for <paramref name="value"/>.</summary>
    public static string Number(double value)
    {
        var buffer = new byte[64];
        var writer = new JsonWriter();
        writer.Reset(buffer, 0, buffer.Length);
        writer.WriteNumberValue(value);
        return Encoding.ASCII.GetString(buffer, 0, writer.Length);
    }

    /// <summary>The JSON string literal JsonWriter writes for <paramref name="value"/>.</summary>
    public static string Quoted(string value)
    {
        var buffer = new byte[value.Length * 6 + 2];
        var writer = new JsonWriter();
        writer.Reset(buffer, 0, buffer.Length);
        writer.WriteStringValue(value);
        return Encoding.UTF8.GetString(buffer, 0, writer.Length);
    }

    /// <summary>(significant digits, exponent of the first digit) of a decimal text, for comparing layouts.</summary>
    public static (string Digits, int Exponent) Significand(string text)
    {
        text = text.TrimStart('-');
        int e = 0;
        int ePos = text.IndexOfAny(['e', 'E']);
        if (ePos >= 0)
        {
            e = int.Parse(text[(ePos + 1)..], System.Globalization.CultureInfo.InvariantCulture);
            text = text[..ePos];
        }
        int point = text.IndexOf('.', StringComparison.Ordinal);
        string digits = point >= 0 ? text.Remove(point, 1) : text;
        int intDigits = point >= 0 ? point : text.Length;
        int leading = 0;
        while (leading < digits.Length - 1 && digits[leading] == '0')
        {
            leading++;
        }
        string significant = digits[leading..].TrimEnd('0');
        return (significant.Length == 0 ? "0" : significant, e + intDigits - leading - 1);
    }
}
