using nanoFramework.TestFramework;
using Phytrace.Nano.DeviceTests.Golden;
using Phytrace.Nano.DeviceTests.Helpers;

namespace Phytrace.Nano.DeviceTests.Platform
{
    /// <summary>
    /// XorShiftRandom's draws on the device for 24 seeds (<see cref="XorShiftSet"/>), the same as on
    /// the .NET build (checked there against xorshift64* written from its definition). Every
    /// other golden set draws its inputs from it.
    /// </summary>
    [TestClass]
    public class XorShiftGoldenTests
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
        public void SameDrawsAsDotNet(int seed)
        {
            var set = new XorShiftSet();
            Assert.AreEqual(set.Count, XorShiftGolden.Crc32.Length, "xorshift: the golden data does not match the set; regenerate it: dotnet run --project tools/Phytrace.Nano.DeviceGolden");
            GoldenAssert.Item(set, XorShiftGolden.Crc32[seed], seed);
        }
    }
}
