using Phytrace.Nano.DeviceTestRunner;

namespace Phytrace.Nano.Tests.DeviceTestRunner;

/// <summary>
/// The runner reads each assembly's byte code size from the .pe header the metadata processor
/// wrote, so the 65,535-byte limit is reported (and enforced) before the metadata processor itself
/// refuses an assembly.
/// </summary>
public class PeByteCodeTests
{
    // The first 124 bytes of Phytrace.Nano.pe as the kit's nano-pe wrote it for main before the
    // split (unoptimised): byte code table from 58,160 to 116,092, padding 0, so 57,932 bytes,
    // the size at which the overflow was found.
    private const string CoreHeaderBeforeSplit =
        "4e464d524b31000052149749c96339010000000000000000ffffffff0000000000000000257601007c000000"
        + "88000000c0010000c8010000c8030000f812000030270000005b0000205b0000205b0000205b0000205b0000"
        + "54d1000030e300007cc501007cc501000000000000000000000000000000000103000000";

    [Fact]
    public void Reads_the_byte_code_table_size_from_a_real_pe_header()
    {
        PeByteCode size = PeByteCode.Parse("Phytrace.Nano", Convert.FromHexString(CoreHeaderBeforeSplit), "test header");

        Assert.Equal(57932, size.Bytes);
        Assert.True(size.WithinLimit);
        Assert.Equal("Phytrace.Nano 57,932 B of 65,535 (7,603 B left)", size.Describe());
    }

    [Fact]
    public void Padding_of_the_byte_code_table_is_not_counted()
    {
        byte[] header = Convert.FromHexString(CoreHeaderBeforeSplit);
        header[0x6C + 13] = 2;

        Assert.Equal(57930, PeByteCode.Parse("Phytrace.Nano", header, "test header").Bytes);
    }

    [Fact]
    public void An_assembly_over_the_limit_is_named_with_its_size_and_the_limit()
    {
        var size = new PeByteCode("Phytrace.Nano", 67000);

        Assert.False(size.WithinLimit);
        Assert.Equal("Phytrace.Nano 67,000 B exceeds the metadata processor's limit of 65,535 B by 1,465", size.Describe());
    }

    [Fact]
    public void A_file_that_is_not_a_nanoFramework_pe_is_refused_with_its_name()
    {
        byte[] header = Convert.FromHexString(CoreHeaderBeforeSplit);
        header[5] = (byte)'2';

        var error = Assert.Throws<InvalidDataException>(() => PeByteCode.Parse("X", header, "bad.pe"));
        Assert.Contains("bad.pe", error.Message, StringComparison.Ordinal);
        Assert.Contains("NFMRK1", error.Message, StringComparison.Ordinal);
    }
}
