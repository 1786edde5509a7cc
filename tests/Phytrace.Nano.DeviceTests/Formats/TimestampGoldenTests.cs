using nanoFramework.TestFramework;
using Phytrace.Nano.DeviceTests.Golden;
using Phytrace.Nano.DeviceTests.Helpers;

namespace Phytrace.Nano.DeviceTests.Formats
{
    /// <summary>
    /// Timestamps on the device (<see cref="TimestampSet"/>): 400 instants across years 0001-9999
    /// written and read back, 240 RFC 3339 texts with fractions, offsets and breaks read, the same as
    /// on the .NET build (checked there against DateTime and DateTimeOffset).
    /// </summary>
    [TestClass]
    public class TimestampGoldenTests
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
        public void SameTextAndInstantsAsDotNet(int chunk)
        {
            GoldenAssert.Chunk(new TimestampSet(), TimestampGolden.Crc32, chunk, Chunks);
        }
    }
}
