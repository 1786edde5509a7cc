using nanoFramework.TestFramework;
using Phytrace.Nano.DeviceTests.Golden;
using Phytrace.Nano.DeviceTests.Helpers;
using Phytrace.Nano.Events;

namespace Phytrace.Nano.DeviceTests.Events
{
    /// <summary>
    /// 271 whole events through the validator and the encoder on the device, against what the .NET
    /// build wrote (<see cref="UdmEventSet"/>: every domain, every refusal of the validator); and the
    /// scanner reading id and captured_at back out of every valid one the device encoded.
    /// </summary>
    [TestClass]
    public class UdmEventGoldenTests
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
        public void SameJsonAsDotNet(int chunk)
        {
            var set = new UdmEventSet();
            Assert.AreEqual(set.Count, UdmEventGolden.Crc32.Length, "events: the golden data does not match the set; regenerate it: dotnet run --project tools/Phytrace.Nano.DeviceGolden");
            var e = new UdmEvent();
            var scanner = new UdmEventScanner();
            int first = set.Count * chunk / Chunks;
            int end = set.Count * (chunk + 1) / Chunks;
            for (int i = first; i < end; i++)
            {
                int length = GoldenAssert.Item(set, UdmEventGolden.Crc32[i], i);
                if (set.Input(i, e) == 0)
                {
                    // The scanner reads id and time back out of what the encoder wrote on the device.
                    scanner.Scan(GoldenAssert.LastOutput, 0, length);
                    BytesAssert.AreEqual(e.EventId, 0, scanner.EventId, 0, 16, set.Describe(i) + ": event_id scanned");
                    Assert.AreEqual(e.CapturedAtMicros, scanner.CapturedAtMicros, set.Describe(i) + ": captured_at scanned");
                }
            }
        }
    }
}
