using nanoFramework.TestFramework;
using Phytrace.Nano.DeviceTests.Golden;
using Phytrace.Nano.DeviceTests.Helpers;

namespace Phytrace.Nano.DeviceTests.Reliability
{
    /// <summary>
    /// Every breaker transition on a manual clock: 48 random walks of 80 steps
    /// (<see cref="CircuitBreakerSet"/>: threshold, recovery timeout and probe count vary; Execute,
    /// Reset, the clock stepping back and wrapping), step for step the same on the device as on the
    /// .NET build, where each walk was replayed on a model of the documented rules.
    /// </summary>
    [TestClass]
    public class CircuitBreakerGoldenTests
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
        [DataRow(36)]
        [DataRow(37)]
        [DataRow(38)]
        [DataRow(39)]
        [DataRow(40)]
        [DataRow(41)]
        [DataRow(42)]
        [DataRow(43)]
        [DataRow(44)]
        [DataRow(45)]
        [DataRow(46)]
        [DataRow(47)]
        public void SameWalkAsDotNet(int walk)
        {
            var set = new CircuitBreakerSet();
            Assert.AreEqual(set.Count, CircuitBreakerGolden.Crc32.Length, "breaker: the golden data does not match the set; regenerate it: dotnet run --project tools/Phytrace.Nano.DeviceGolden");
            GoldenAssert.Item(set, CircuitBreakerGolden.Crc32[walk], walk);
        }
    }
}
