using System.Reflection;
using System.Text.Json;
using Phytrace.Nano.Boards;
using Phytrace.Nano.Configuration;
using Phytrace.Nano.Events;
using Phytrace.Nano.Host.Mqtt;
using Phytrace.Nano.Host.Receiving;
using Phytrace.Nano.Storage;
using Phytrace.Nano.Tests.Support;

namespace Phytrace.Nano.Tests.Configuration;

/// <summary>
/// Each board preset, built into a whole node on host adapters (MQTTnet session, simulated Wi-Fi,
/// system clocks, a RAM medium), delivers what the sample app emits to an in-process broker.
/// </summary>
public class PresetNodeTests
{
    private const int RingMb = 1; // the presets ask for 256 MB of SD card; a 1 MB RAM ring is enough here

    /// <summary>Every preset of boards/Phytrace.Nano.Boards: a public static Create(sourceId, ssid, password, brokerHost).</summary>
    public static TheoryData<string> PresetNames => new(Presets().Keys);

    private static Dictionary<string, MethodInfo> Presets() =>
        typeof(Esp32DevKitCSpiSd).Assembly.GetExportedTypes()
            .Select(t => t.GetMethod("Create", BindingFlags.Public | BindingFlags.Static, new[] { typeof(string), typeof(string), typeof(string), typeof(string) }))
            .Where(m => m != null && m.ReturnType == typeof(BoardConfig))
            .ToDictionary(m => m!.DeclaringType!.Name, m => m!, StringComparer.Ordinal);

    [Fact]
    public void Every_preset_class_is_found()
    {
        Assert.Equal(new[] { "Esp32DevKitCSpiSd", "Esp32S3DevKitC1", "LilyGoT8", "M5StackCore2" }, Presets().Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(PresetNames))]
    public void Node_built_from_the_preset_delivers_telemetry_and_an_estop_to_the_broker(string preset)
    {
        using var broker = new EmbeddedBroker();
        broker.Start();
        string sourceId = "preset-" + preset.ToLowerInvariant();
        var config = (BoardConfig)Presets()[preset].Invoke(null, new object[] { sourceId, "plant-floor", "correct horse", "broker.local" })!;
        config.Mqtt.Host = broker.Host;
        config.Mqtt.Port = broker.Port;
        config.Storage.MaxSizeMb = RingMb;
        var medium = new RamMedium((int)config.Storage.MaxSizeBytes);
        Assert.True(config.Validate(medium.Length).IsValid, config.Validate(medium.Length).ToString());

        using var receiver = new BatchReceiver(broker.Host, broker.Port, "receiver-" + sourceId);
        receiver.Start(TimeSpan.FromSeconds(5));
        using var node = new TestNode(config, medium, online: true);
        node.Node.Start();

        // What boards/SampleApp/SensorNodeApp.cs emits: a temperature reading, then an e-stop.
        var telemetry = new UdmEvent();
        node.Node.BeginEvent(telemetry, UdmEventType.TelemetryPeriodic);
        telemetry.Environment.TemperatureC.Set(21.5);
        Assert.True(node.Node.Emit(telemetry), "telemetry refused: " + node.Node.LastEmitFailure);
        var estop = new UdmEvent();
        node.Node.BeginEvent(estop, UdmEventType.EmergencyStop);
        estop.Safety.SafetyState = SafetyState.EmergencyStop;
        estop.Safety.EStopActive.Set(true);
        estop.Safety.EStopType = "hardware";
        estop.Safety.IsSafe.Set(false);
        Assert.True(node.Node.Emit(estop), "e-stop refused: " + node.Node.LastEmitFailure);

        Assert.True(receiver.WaitForEvents(2, TimeSpan.FromSeconds(30)), $"{preset}: received {receiver.UniqueEvents} of 2");
        Assert.Empty(receiver.Errors);
        var got = receiver.EventsOf(sourceId).Select(e => JsonDocument.Parse(e.Json).RootElement).ToList();
        Assert.Equal(new[] { "telemetry_periodic", "emergency_stop" }, got.Select(e => e.GetProperty("event_type").GetString()));
        Assert.Equal(21.5, got[0].GetProperty("context").GetProperty("weather").GetProperty("temperature_c").GetDouble());
        Assert.True(got[1].GetProperty("safety").GetProperty("e_stop").GetProperty("is_active").GetBoolean());
        Assert.All(got, e => Assert.Equal("amr", e.GetProperty("source_type").GetString()));
    }
}
