using Phytrace.Nano.DeviceTests;

namespace Phytrace.Nano.Tests.Storage;

/// <summary>
/// The read path checks a record's later slots straight from their bytes (SlotHeader.IsContinuation)
/// instead of decoding each one: it must say exactly what decoding and comparing would, on every
/// flipped header bit (with the CRC resealed, so the field checks alone decide) and every wrong
/// expectation. The device tests run the same cases on nanoCLR.
/// </summary>
public sealed class ContinuationCheckTests
{
    [Fact]
    public void Byte_level_continuation_check_agrees_with_decoding_on_every_flip_and_expectation()
    {
        string? problem = ContinuationAgreement.Check(out int cases);
        Assert.Null(problem);
        Assert.True(cases > 8000, "cases compared: " + cases);
    }
}
