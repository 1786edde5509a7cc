using System.Globalization;
using System.Text;
using System.Text.Json;
using Phytrace.Nano.DeviceTests.Golden;

namespace Phytrace.Nano.DeviceGolden;

/// <summary>
/// What .NET's own libraries say each output must be, so the golden data is not merely "what the
/// core did on .NET": System.Text.Json, double parsing and formatting, GZipStream, DateTime.
/// </summary>
public static class DotNetOracles
{
    private static readonly DoubleTextSet Doubles = new();
    private static readonly JsonStringSet Strings = new();
    private static readonly UdmEventSet Events = new();
    private static readonly GzipSet Gzip = new();
    private static readonly BoardConfigSet Configs = new();
    private static readonly Phytrace.Nano.DeviceTests.Configuration.BoardPresetSet PresetItems = new();

    /// <summary>The field each invalid variant of <see cref="EventRecipe"/> breaks, as the UDM schemas name it.</summary>
    private static readonly string[] BrokenFields =
    {
        "", "event_id", "event_type", "source_id", "source_id", "source_type", "captured_at", "captured_at", "sequence_num", "sent_at",
        "power.battery.soc_pct", "power.battery.voltage_v", "power.battery.health_pct", "power.power_consumption_w",
        "power.estimated_runtime_min", "thermal.components[0].temperature_c", "location.latitude", "location.longitude",
        "location.heading_deg", "location.altitude_m", "location.horizontal_accuracy_m", "motion.speed_mps",
        "motion.angular_velocity", "safety.violation_count", "safety.speed_limit_mps", "safety.e_stop.triggered_at",
        "context.weather.humidity_pct", "context.weather.pressure_hpa", "communication.phytrace.buffered_events",
        "communication.phytrace.dropped_events", "extensions.custom_bad", "motion.commanded_linear_mps",
    };

    /// <summary>The text reads back as exactly the input double and has no more digits than .NET's shortest round trip.</summary>
    public static string? DoubleText(int index, byte[] output)
    {
        string text = Encoding.ASCII.GetString(output);
        double input = Doubles.Input(index);
        double back = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (BitConverter.DoubleToInt64Bits(back) != BitConverter.DoubleToInt64Bits(input))
        {
            return $"\"{text}\" reads back as {back:R}, not {input:R}";
        }
        // Not .NET's "R": for 2^-958 it prints 4.104536801298376E-289, which reads back as the double below.
        int digits = SignificantDigits(text);
        if (digits > 1 && RoundTripsWith(input, digits - 1))
        {
            return $"\"{text}\" has {digits} significant digits but {digits - 1} are enough";
        }
        string nearest = input.ToString("E" + (digits - 1).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        bool nearestRoundTrips = double.Parse(nearest, CultureInfo.InvariantCulture) == input;
        return nearestRoundTrips && Mantissa(nearest) != Mantissa(text) ? $"\"{text}\" is not the {digits}-digit text nearest the value ({nearest})" : null;
    }

    // True if a decimal of <digits> significant digits reads back as value: only the correctly
    // rounded one and its two neighbours in the last digit can (the round-trip interval holds value).
    private static bool RoundTripsWith(double value, int digits)
    {
        string rounded = Math.Abs(value).ToString("E" + (digits - 1).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        string[] parts = rounded.Split('E');
        long mantissa = long.Parse(parts[0].Replace(".", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture);
        int exponent = int.Parse(parts[1], CultureInfo.InvariantCulture) - (digits - 1);
        for (long m = mantissa - 1; m <= mantissa + 1; m++)
        {
            if (m > 0 && double.Parse($"{m}E{exponent}", CultureInfo.InvariantCulture) == Math.Abs(value))
            {
                return true;
            }
        }
        return false;
    }

    // The significant digits of a number's text, without sign, point, exponent or surrounding zeros.
    private static string Mantissa(string number)
    {
        string mantissa = number.Split('e', 'E')[0];
        return new string(mantissa.Where(char.IsAsciiDigit).ToArray()).Trim('0');
    }

    /// <summary>The JSON is one object whose single property reads back as the input name and value.</summary>
    public static string? JsonString(int index, byte[] output)
    {
        Strings.Input(index, out char[] name, out char[] value);
        using JsonDocument document = JsonDocument.Parse(output);
        JsonProperty property = document.RootElement.EnumerateObject().Single();
        if (property.Name != new string(name))
        {
            return "the property name reads back differently";
        }
        return property.Value.GetString() == new string(value) ? null : "the value reads back differently";
    }

    /// <summary>
    /// A valid event parses and carries the recipe's id, type, source and captured_at (formatted by
    /// .NET's DateTime); an invalid one names the field its variant broke.
    /// </summary>
    public static string? UdmEvent(int index, byte[] output)
    {
        var e = new Phytrace.Nano.Events.UdmEvent();
        int invalid = Events.Input(index, e);
        using JsonDocument document = JsonDocument.Parse(output);
        JsonElement root = document.RootElement;
        if (invalid > 0)
        {
            string? field = root.TryGetProperty("invalid", out JsonElement f) ? f.GetString() : null;
            return field == BrokenFields[invalid] ? null : $"invalid variant {invalid} should be refused naming {BrokenFields[invalid]}, got {field ?? "an event"}";
        }
        if (root.GetProperty("event_id").GetString() != new Guid(e.EventId, bigEndian: true).ToString())
        {
            return "event_id differs from the recipe's";
        }
        if (root.GetProperty("event_type").GetString() != Phytrace.Nano.Events.UdmEventTypeNames.ToUdm(e.EventType)
            || root.GetProperty("source_id").GetString() != e.SourceId)
        {
            return "event_type or source_id differs from the recipe's";
        }
        string captured = new DateTime(DateTime.UnixEpoch.Ticks + (e.CapturedAtMicros * 10), DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
        return root.GetProperty("captured_at").GetString() == captured ? null : $"captured_at is not {captured}";
    }

    /// <summary>GZipStream inflates the member to exactly the input, and the member fits the encoder's stated bound.</summary>
    public static string? GzipMember(int index, byte[] output)
    {
        var input = new byte[GzipSet.MaxInput];
        int length = Gzip.Input(index, input);
        using var inflated = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(new MemoryStream(output), System.IO.Compression.CompressionMode.Decompress))
        {
            gzip.CopyTo(inflated);
        }
        if (!inflated.ToArray().AsSpan().SequenceEqual(input.AsSpan(0, length)))
        {
            return $"GZipStream inflates it to {inflated.Length} bytes that differ from the {length}-byte input";
        }
        int bound = Phytrace.Nano.Compression.GzipEncoder.MaxCompressedSize(length);
        return output.Length <= bound ? null : $"{output.Length} bytes exceed MaxCompressedSize {bound}";
    }

    /// <summary>A valid item has no problem; a broken one has a message "FIELD is ...: expected ..." for the field it broke.</summary>
    public static string? ConfigMessages(int index, byte[] output)
    {
        Configs.Input(index, out _, out string field);
        using JsonDocument document = JsonDocument.Parse(output);
        JsonElement root = document.RootElement;
        int count = root.GetProperty("count").GetInt32();
        string[] messages = count == 0 ? [] : root.GetProperty("messages").GetString()!.Split('\n');
        if (field.Length == 0)
        {
            return count == 0 && root.GetProperty("valid").GetBoolean() ? null : $"expected valid, got {count} problems";
        }
        if (messages.Length != count)
        {
            return $"count {count} but {messages.Length} message lines";
        }
        return messages.Any(m => m.StartsWith(field + " is ", StringComparison.Ordinal) && m.Contains(": expected ", StringComparison.Ordinal))
            ? null : $"no message of the form \"{field} is ...: expected ...\" in {string.Join(" | ", messages)}";
    }

    /// <summary>
    /// A preset as made, on a 1 GB card, on flash or on an open network is valid; on a 128 MB card
    /// the ring does not fit; any pin clash is reported as one.
    /// </summary>
    public static string? Preset(int index, byte[] output)
    {
        using JsonDocument document = JsonDocument.Parse(output);
        JsonElement root = document.RootElement;
        int problems = root.GetProperty("problem_count").GetInt32();
        string text = root.GetProperty("problems").GetString()!;
        return (index % Phytrace.Nano.DeviceTests.Configuration.BoardPresetSet.Variants) switch
        {
            0 or 2 or 6 or 7 => problems == 0 ? null : $"expected valid, got: {text}",
            1 => problems == 1 && text.StartsWith("storage.max_size_mb is ", StringComparison.Ordinal) ? null : $"expected only the ring size refused, got: {text}",
            _ => problems == 1 && text.Contains("already uses GPIO", StringComparison.Ordinal) ? null : $"expected one pin clash, got: {text}",
        };
    }

    private static int SignificantDigits(string number)
    {
        return Math.Max(Mantissa(number).Length, 1);
    }
}
