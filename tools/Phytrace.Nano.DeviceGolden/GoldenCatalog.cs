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
        new(new GzipSet(), "GzipGolden", DotNetOracles.GzipMember),
        new(new BoardConfigSet(), "BoardConfigGolden", DotNetOracles.ConfigMessages),
        new(new Phytrace.Nano.DeviceTests.Configuration.BoardPresetSet(), "BoardPresetGolden", DotNetOracles.Preset),
    };

    public static GoldenEntry? Find(string name) => All.FirstOrDefault(e => e.Set.Name == name);
}
