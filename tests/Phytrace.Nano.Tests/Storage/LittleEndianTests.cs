using CsCheck;
using Phytrace.Nano.Storage;

namespace Phytrace.Nano.Tests.Storage;

/// <summary>
/// The .NET forms of LittleEndian's writes (BinaryPrimitives) against the byte-by-byte forms the
/// device runs: the same bytes at every offset, nothing outside the value touched, and the reads
/// give the values back.
/// </summary>
public sealed class LittleEndianTests
{
    [Fact]
    public void Host_and_device_writes_give_the_same_bytes()
    {
        Gen.Select(Gen.Long, Gen.Int[0, 23]).Sample((value, at) =>
        {
            var host = new byte[32];
            var device = new byte[32];
            Array.Fill(host, (byte)0xA5);
            Array.Fill(device, (byte)0xA5);

            LittleEndian.WriteUInt16(host, at, (int)value);
            LittleEndian.BytewiseWriteUInt16(device, at, (int)value);
            Assert.Equal(device, host);
            Assert.Equal((int)(ushort)value, LittleEndian.ReadUInt16(host, at));

            LittleEndian.WriteUInt32(host, at, (uint)value);
            LittleEndian.BytewiseWriteUInt32(device, at, (uint)value);
            Assert.Equal(device, host);
            Assert.Equal((uint)value, LittleEndian.ReadUInt32(host, at));

            LittleEndian.WriteInt64(host, at, value);
            LittleEndian.BytewiseWriteInt64(device, at, value);
            Assert.Equal(device, host);
            Assert.Equal(value, LittleEndian.ReadInt64(host, at));
            Assert.Equal(0xA5, host[at + 8]);
        }, iter: 2000);
    }

    [Fact]
    public void Bytes_are_least_significant_first()
    {
        var b = new byte[8];
        LittleEndian.WriteInt64(b, 0, 0x0102030405060708L);
        Assert.Equal(new byte[] { 8, 7, 6, 5, 4, 3, 2, 1 }, b);
    }
}
