using nanoFramework.TestFramework;
using Phytrace.Nano.DeviceTests.Golden;
using Phytrace.Nano.DeviceTests.Helpers;

namespace Phytrace.Nano.DeviceTests.Formats
{
    /// <summary>
    /// CRC-32 (whole and chained) of 64 buffers and 96 UUID texts written and read on the device
    /// (<see cref="FormatsSet"/>), the same as on the .NET build (checked there against
    /// System.IO.Hashing and System.Guid).
    /// </summary>
    [TestClass]
    public class FormatsGoldenTests
    {
        private const int Chunks = 8;

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        [DataRow(2)]
        [DataRow(3)]
        [DataRow(4)]
        [DataRow(5)]
        [DataRow(6)]
        [DataRow(7)]
        public void SameChecksumsAndTextsAsDotNet(int chunk)
        {
            GoldenAssert.Chunk(new FormatsSet(), FormatsGolden.Crc32, chunk, Chunks);
        }
    }
}
