using nanoFramework.TestFramework;
using Phytrace.Nano.DeviceTests.Golden;
using Phytrace.Nano.DeviceTests.Helpers;

namespace Phytrace.Nano.DeviceTests.Reliability
{
    /// <summary>
    /// Retry delays (with jitter from a seeded random), retry decisions, ExecuteWithRetry and
    /// RetrySchedule on a manual clock, for 40 policies (<see cref="RetryPolicySet"/>), the same on
    /// the device as on the .NET build, which checked them against Math.Pow and the policy's rules.
    /// </summary>
    [TestClass]
    public class RetryPolicyGoldenTests
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
        public void SameDelaysAndDecisionsAsDotNet(int policy)
        {
            var set = new RetryPolicySet();
            Assert.AreEqual(set.Count, RetryPolicyGolden.Crc32.Length, "retry: the golden data does not match the set; regenerate it: dotnet run --project tools/Phytrace.Nano.DeviceGolden");
            GoldenAssert.Item(set, RetryPolicyGolden.Crc32[policy], policy);
        }
    }
}
