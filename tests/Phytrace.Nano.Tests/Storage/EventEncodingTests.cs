using Phytrace.Nano.DeviceTests;

namespace Phytrace.Nano.Tests.Storage;

/// <summary>
/// Enqueue's whole-event writer (SlotFormat.EncodeEvent: a header template, continuation headers
/// copied from the first) writes the bytes SlotFormat.Encode writes slot by slot, tails zeroed and
/// nothing outside the event touched. The device tests run the same check on nanoCLR.
/// </summary>
public sealed class EventEncodingTests
{
    [Fact]
    public void Whole_event_writer_matches_the_slot_encoder()
    {
        Assert.Null(EventEncodingCheck.Check());
    }
}
