using nanoFramework.TestFramework;
using Phytrace.Nano.DeviceTests.Golden;
using Phytrace.Nano.DeviceTests.Helpers;

namespace Phytrace.Nano.DeviceTests.Events
{
    /// <summary>
    /// UUIDv7 layout and order on the device (<see cref="Uuid7Set"/>: frozen, stepping-back,
    /// unsynchronised, jumpy clocks; a counter overflow): the same ids as the .NET build, which
    /// checked them against RFC 9562 and the generator's rules; and, on the device itself, version 7,
    /// variant 10 and strictly increasing ids.
    /// </summary>
    [TestClass]
    public class Uuid7GoldenTests
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
        public void SameIdsAsDotNet(int sequence)
        {
            var set = new Uuid7Set();
            Assert.AreEqual(set.Count, Uuid7Golden.Crc32.Length, "uuid7: the golden data does not match the set; regenerate it: dotnet run --project tools/Phytrace.Nano.DeviceGolden");
            int length = GoldenAssert.Item(set, Uuid7Golden.Crc32[sequence], sequence);
            byte[] ids = GoldenAssert.LastOutput;
            for (int at = 0; at < length; at += 16)
            {
                Assert.AreEqual(0x70, ids[at + 6] & 0xF0, set.Describe(sequence) + ": version 7 in id " + (at / 16).ToString());
                Assert.AreEqual(0x80, ids[at + 8] & 0xC0, set.Describe(sequence) + ": variant 10 in id " + (at / 16).ToString());
                if (at > 0)
                {
                    int i = 0;
                    while (i < 16 && ids[at + i] == ids[at - 16 + i])
                    {
                        i++;
                    }
                    Assert.IsTrue(i < 16 && ids[at + i] > ids[at - 16 + i], set.Describe(sequence) + ": id " + (at / 16).ToString() + " sorts after the one before");
                }
            }
        }
    }
}
