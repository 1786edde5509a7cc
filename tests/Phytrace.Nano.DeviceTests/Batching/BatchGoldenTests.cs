using nanoFramework.TestFramework;
using Phytrace.Nano.DeviceTests.Golden;
using Phytrace.Nano.DeviceTests.Helpers;

namespace Phytrace.Nano.DeviceTests.Batching
{
    /// <summary>
    /// Batches on the device (<see cref="BatchSet"/>): 24 streams through a BatchProcessor on a
    /// manual clock (closing on count, age, bytes, Flush and Stop) and 12 batches built from
    /// buffered events as the uplink builds them, gzip or not, byte for byte the batches of the
    /// .NET build (whose envelopes, sizes, times and events .NET checked after inflating them).
    /// </summary>
    [TestClass]
    public class BatchGoldenTests
    {
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
        [DataRow(32)]
        [DataRow(33)]
        [DataRow(34)]
        [DataRow(35)]
        public void SameBatchesAsDotNet(int item)
        {
            var set = new BatchSet();
            Assert.AreEqual(set.Count, BatchGolden.Crc32.Length, "batches: the golden data does not match the set; regenerate it: dotnet run --project tools/Phytrace.Nano.DeviceGolden");
            GoldenAssert.Item(set, BatchGolden.Crc32[item], item);
        }
    }
}
