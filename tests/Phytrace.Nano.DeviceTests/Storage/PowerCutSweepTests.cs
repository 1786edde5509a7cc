using nanoFramework.TestFramework;

namespace Phytrace.Nano.DeviceTests.Storage
{
    /// <summary>
    /// Power cut at every byte of every write of small workloads, on the device's runtime
    /// (<see cref="PowerCutSweep"/>). PHYTRACE_LONG_TESTS adds longer workloads.
    /// </summary>
    [TestClass]
    public class PowerCutSweepTests
    {
        [TestMethod]
        [DataRow(11, 128, 8, 1, 5, 40)]
        [DataRow(12, 128, 8, 3, 4, 40)]
#if PHYTRACE_LONG_TESTS
        [DataRow(21, 64, 32, 1, 3, 80)]
        [DataRow(22, 128, 16, 4, 7, 120)]
        [DataRow(23, 256, 10, 2, 2, 100)]
        [DataRow(24, 512, 8, 1, 6, 80)]
#endif
        public void EveryByteOfEveryWrite(int seed, int recordSize, int slots, int syncEvery, int checkpointEvery, int operations)
        {
            var sweep = new PowerCutSweep(seed, recordSize, slots, syncEvery, checkpointEvery);
            sweep.Record(operations);
            Assert.IsTrue(sweep.RingBytesWritten > sweep.CapacityBytes, "seed " + seed.ToString() + ": the workload wraps round the ring ("
                + sweep.RingBytesWritten.ToString() + " bytes written to a ring of " + sweep.CapacityBytes.ToString() + ")");
            sweep.CheckEveryCut();
            Assert.IsTrue(sweep.Cuts > 1000, "seed " + seed.ToString() + ": " + sweep.Cuts.ToString() + " cut points checked");
        }
    }
}
