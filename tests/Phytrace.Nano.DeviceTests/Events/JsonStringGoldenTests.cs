using nanoFramework.TestFramework;
using Phytrace.Nano.DeviceTests.Golden;
using Phytrace.Nano.DeviceTests.Helpers;

namespace Phytrace.Nano.DeviceTests.Events
{
    /// <summary>
    /// JSON string escaping and UTF-8 of 754 property names and values on the device, against what
    /// the .NET build wrote (<see cref="JsonStringSet"/>: every escape class, two-, three- and
    /// four-byte characters; checked there to read back through System.Text.Json).
    /// </summary>
    [TestClass]
    public class JsonStringGoldenTests
    {
        private const int Chunks = 12;

        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        [DataRow(2)]
        [DataRow(3)]
        [DataRow(4)]
        [DataRow(5)]
        [DataRow(6)]
        [DataRow(7)]
        [DataRow(8)]
        [DataRow(9)]
        [DataRow(10)]
        [DataRow(11)]
        public void SameBytesAsDotNet(int chunk)
        {
            GoldenAssert.Chunk(new JsonStringSet(), JsonStringGolden.Crc32, chunk, Chunks);
        }
    }
}
