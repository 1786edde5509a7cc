using System.Text.Json;
using Phytrace.Nano.Configuration;
using Phytrace.Nano.Platform;
using Phytrace.Nano.Tests.Support;
using Phytrace.Nano.Uplink;

namespace Phytrace.Nano.Tests.Configuration;

/// <summary>The small rules the configuration and the ESP32 glue rely on.</summary>
public class SupportingRulesTests
{
    [SkippableFact]
    public void Source_types_are_exactly_the_phyudm_schema_enum()
    {
        string path = SharedMaterial.PhyUdm.Require("schemas", "v0.0.3", "envelope.schema.json");
        using JsonDocument schema = JsonDocument.Parse(File.ReadAllText(path));
        string[] fromSchema = schema.RootElement.GetProperty("properties").GetProperty("source_type").GetProperty("enum")
            .EnumerateArray().Select(e => e.GetString()!).ToArray();

        string[] ours = Enumerable.Range(0, SourceTypes.Count).Select(SourceTypes.Get).ToArray();

        Assert.Equal(fromSchema, ours);
        Assert.All(fromSchema, t => Assert.True(SourceTypes.IsKnown(t)));
        Assert.False(SourceTypes.IsKnown("AMR"));
        Assert.False(SourceTypes.IsKnown(null));
    }

    [Theory]
    [InlineData(2.0, "2")]
    [InlineData(1.5, "1.5")]
    [InlineData(0.125, "0.125")]
    [InlineData(0.1 + 0.2, "0.3")]
    [InlineData(-3.25, "-3.25")]
    [InlineData(10.0005, "10.001")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "a number above 1e15")]
    public void Decimals_in_messages_print_the_same_on_every_runtime(double value, string expected) =>
        Assert.Equal(expected, ConfigText.Decimal(value));

    [Theory]
    [InlineData(0x00, MqttReasonCode.Success)]
    [InlineData(0x01, MqttReasonCode.UnsupportedProtocolVersion)]
    [InlineData(0x02, MqttReasonCode.ClientIdentifierNotValid)]
    [InlineData(0x03, MqttReasonCode.ServerUnavailable)]
    [InlineData(0x04, MqttReasonCode.BadUserNameOrPassword)]
    [InlineData(0x05, MqttReasonCode.NotAuthorized)]
    [InlineData(0x86, MqttReasonCode.BadUserNameOrPassword)]
    [InlineData(0x9F, MqttReasonCode.ConnectionRateExceeded)]
    [InlineData(0x06, MqttReasonCode.UnspecifiedError)]
    [InlineData(0x100, MqttReasonCode.UnspecifiedError)]
    public void Connack_codes_of_both_protocol_levels_map_to_mqtt5_reason_codes(int code, MqttReasonCode expected) =>
        Assert.Equal(expected, ConnackCodes.ToReasonCode(code));

    [Theory]
    [InlineData(1970, false)]
    [InlineData(2000, false)]
    [InlineData(2024, false)]
    [InlineData(2025, true)]
    [InlineData(2026, true)]
    [InlineData(2200, true)]
    [InlineData(2201, false)]
    public void A_boot_time_clock_is_not_plausible(int year, bool plausible) =>
        Assert.Equal(plausible, ClockPlausibility.IsPlausible(new DateTime(year, 6, 1, 0, 0, 0, DateTimeKind.Utc)));
}
