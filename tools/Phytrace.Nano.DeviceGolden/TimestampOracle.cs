using System.Globalization;
using System.Text;
using Phytrace.Nano.DeviceTests.Golden;

namespace Phytrace.Nano.DeviceGolden;

/// <summary>
/// TimestampSet outputs against .NET's DateTime and DateTimeOffset: written texts are
/// DateTime's "yyyy-MM-ddTHH:mm:ss.ffffffZ" and read back exactly; texts with offsets read as
/// DateTimeOffset reads them (fractions beyond microseconds truncated); broken texts are refused.
/// </summary>
public static class TimestampOracle
{
    private static readonly TimestampSet Set = new();

    public static string? Check(int index, byte[] output)
    {
        string all = Encoding.ASCII.GetString(output);
        string text = all[..all.IndexOf(" | ", StringComparison.Ordinal)];
        string verdict = all[(text.Length + 3)..];
        if (index < TimestampSet.Writes)
        {
            long micros = Set.Micros(index);
            string expected = Text(micros);
            return text == expected && verdict == $"read {micros}" ? null : $"wrote \"{all}\"; DateTime writes {expected} and it must read back as {micros}";
        }
        Set.ReadText(index, out int broken, out int _, out int _);
        if (broken > 0)
        {
            return verdict == "refused" ? null : $"\"{text}\" breaks RFC 3339 (way {broken}) but was {verdict}";
        }
        // DateTimeOffset takes offsets of at most 14 hours, RFC 3339 any up to 23:59: read the
        // local time with DateTime and apply the offset here.
        string upper = text.Replace('t', 'T').Replace('z', 'Z');
        int zone = upper.IndexOfAny(['Z', '+', '-'], 19);
        string local = upper[..zone];
        int dot = local.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0)
        {
            local = local[..Math.Min(local.Length, dot + 8)];
        }
        long offsetMinutes = 0;
        if (upper[zone] != 'Z')
        {
            offsetMinutes = (int.Parse(upper.AsSpan(zone + 1, 2), CultureInfo.InvariantCulture) * 60) + int.Parse(upper.AsSpan(zone + 4, 2), CultureInfo.InvariantCulture);
            offsetMinutes = upper[zone] == '-' ? -offsetMinutes : offsetMinutes;
        }
        DateTime parsed = DateTime.Parse(local, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
        long ticks = parsed.Ticks - DateTime.UnixEpoch.Ticks - (offsetMinutes * TimeSpan.TicksPerMinute);
        long expectedMicros = Math.DivRem(ticks, 10, out long rest) - (rest < 0 ? 1 : 0);
        return verdict == $"read {expectedMicros}" ? null : $"\"{text}\" read as {verdict}; DateTimeOffset reads {expectedMicros} us";
    }

    private static string Text(long micros) =>
        new DateTime(DateTime.UnixEpoch.Ticks + (micros * 10), DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
