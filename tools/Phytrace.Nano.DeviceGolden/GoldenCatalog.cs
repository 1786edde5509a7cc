using Phytrace.Nano.DeviceTests.Golden;

namespace Phytrace.Nano.DeviceGolden;

/// <summary>One golden set: the portable set, the class its data goes into and how .NET checks each output.</summary>
public sealed record GoldenEntry(IGoldenSet Set, string ClassName, DotNetCheck Check);

/// <summary>Checks one output on .NET, independently of the core; returns null when it is right, else why not.</summary>
public delegate string? DotNetCheck(int index, byte[] output);

/// <summary>Every golden set the device tests use.</summary>
public static class GoldenCatalog
{
    public static IReadOnlyList<GoldenEntry> All { get; } = new GoldenEntry[]
    {
        new(new DoubleTextSet(), "DoubleTextGolden", DotNetOracles.DoubleText),
        new(new JsonStringSet(), "JsonStringGolden", DotNetOracles.JsonString),
        new(new UdmEventSet(), "UdmEventGolden", DotNetOracles.UdmEvent),
        new(new Uuid7Set(), "Uuid7Golden", Uuid7Oracle.Check),
        new(new GzipSet(), "GzipGolden", DotNetOracles.GzipMember),
        new(new TimestampSet(), "TimestampGolden", TimestampOracle.Check),
        new(new FormatsSet(), "FormatsGolden", FormatsOracle.Check),
        new(new XorShiftSet(), "XorShiftGolden", XorShiftOracle.Check),
        new(new BoardConfigSet(), "BoardConfigGolden", DotNetOracles.ConfigMessages),
        new(new Phytrace.Nano.DeviceTests.Configuration.BoardPresetSet(), "BoardPresetGolden", DotNetOracles.Preset),
        new(new BatchSet(), "BatchGolden", BatchOracle.Check),
        new(new RetryPolicySet(), "RetryPolicyGolden", RetryOracle.Check),
        new(new UplinkScenarioSet(), "UplinkScenarioGolden", UplinkOracle.Check),
        new(new CircuitBreakerSet(), "CircuitBreakerGolden", (index, output) =>
        {
            string expected = BreakerModel.Trace(index);
            string actual = System.Text.Encoding.ASCII.GetString(output);
            return actual == expected ? null : $"the walk differs from the documented rules' model:\nmodel:\n{expected}\nbreaker:\n{actual}";
        }),
    };

    public static GoldenEntry? Find(string name) => All.FirstOrDefault(e => e.Set.Name == name);
}
