using Phytrace.Nano.DeviceTests;

namespace Phytrace.Nano.Tests.Storage;

/// <summary>
/// SlotFormat.EncodeHeader writes FORMAT.md's slot table byte for byte (fields combined into
/// fewer writes must still land at their offsets, least significant byte first, with padding,
/// CRC and reserved bytes zero). The device tests run the same check on nanoCLR, where the
/// writes take another path (inline byte stores instead of BinaryPrimitives).
/// </summary>
public sealed class SlotLayoutTests
{
    [Fact]
    public void Slot_header_bytes_are_the_format_tables()
    {
        Assert.Null(SlotLayoutCheck.Check());
    }
}
