using nanoFramework.TestFramework;
using Phytrace.Nano.DeviceTests.Golden;
using Phytrace.Nano.DeviceTests.Helpers;

namespace Phytrace.Nano.DeviceTests.Uplink
{
    /// <summary>
    /// The uplink state machine of a whole node on the device (<see cref="UplinkScenarioSet"/>):
    /// offline then online drain, refused credentials, an unavailable broker, PUBACK timeouts, the
    /// broker gone mid-batch, links dropping; step for step (states, counts, errors, breaker,
    /// counters, every batch published) the same as on the .NET build, where every scenario was
    /// checked to deliver each event, in order, never again after its PUBACK, ending empty.
    /// </summary>
    [TestClass]
    public class UplinkScenarioGoldenTests
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
        public void SameScenarioAsDotNet(int scenario)
        {
            var set = new UplinkScenarioSet();
            Assert.AreEqual(set.Count, UplinkScenarioGolden.Crc32.Length, "uplink: the golden data does not match the set; regenerate it: dotnet run --project tools/Phytrace.Nano.DeviceGolden");
            GoldenAssert.Item(set, UplinkScenarioGolden.Crc32[scenario], scenario);
        }
    }
}
