using nanoFramework.TestFramework;
using Phytrace.Nano.DeviceTests.Golden;
using Phytrace.Nano.DeviceTests.Helpers;

namespace Phytrace.Nano.DeviceTests.Events
{
    /// <summary>
    /// JSON number text of 3,233 doubles on the device, against what the .NET build wrote
    /// (<see cref="DoubleTextSet"/>, checked there to read back exactly and be shortest): the
    /// core's own digit generation must not depend on the runtime's lossy double formatting.
    /// </summary>
    [TestClass]
    public class DoubleTextGoldenTests
    {
        private const int Chunks = 32;

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
        [DataRow(12)]
        [DataRow(13)]
        [DataRow(14)]
        [DataRow(15)]
        [DataRow(16)]
        [DataRow(17)]
        [DataRow(18)]
        [DataRow(19)]
        [DataRow(20)]
        [DataRow(21)]
        [DataRow(22)]
        [DataRow(23)]
        [DataRow(24)]
        [DataRow(25)]
        [DataRow(26)]
        [DataRow(27)]
        [DataRow(28)]
        [DataRow(29)]
        [DataRow(30)]
        [DataRow(31)]
        public void SameTextAsDotNet(int chunk)
        {
            GoldenAssert.Chunk(new DoubleTextSet(), DoubleTextGolden.Crc32, chunk, Chunks);
        }
    }
}
