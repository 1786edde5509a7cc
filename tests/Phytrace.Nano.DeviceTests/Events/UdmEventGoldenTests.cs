using nanoFramework.TestFramework;
using Phytrace.Nano.DeviceTests.Golden;
using Phytrace.Nano.DeviceTests.Helpers;
using Phytrace.Nano.Events;

namespace Phytrace.Nano.DeviceTests.Events
{
    /// <summary>
    /// 271 whole events through the validator and the encoder on the device, against what the .NET
    /// build wrote (<see cref="UdmEventSet"/>: every domain, every refusal of the validator); and the
    /// scanner reading id and captured_at back out of every valid one.
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
            GoldenAssert.Chunk(new UdmEventSet(), UdmEventGolden.Crc32, chunk, Chunks);
        }

        [TestMethod]
        public void ScannerReadsBackIdAndTime()
        {
            var set = new UdmEventSet();
            var e = new UdmEvent();
            var json = new byte[16384];
            var scanner = new UdmEventScanner();
            int valid = 0;
            for (int i = 0; i < set.Count; i++)
            {
                if (set.Input(i, e) != 0)
                {
                    continue;
                }
                int length = set.Produce(i, json);
                scanner.Scan(json, 0, length);
                BytesAssert.AreEqual(e.EventId, 0, scanner.EventId, 0, 16, set.Describe(i) + ": event_id scanned");
                Assert.AreEqual(e.CapturedAtMicros, scanner.CapturedAtMicros, set.Describe(i) + ": captured_at scanned");
                valid++;
            }
            Assert.IsTrue(valid > 150, "valid events scanned: " + valid.ToString());
        }
    }
}
