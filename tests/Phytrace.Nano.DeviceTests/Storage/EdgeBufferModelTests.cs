using nanoFramework.TestFramework;

namespace Phytrace.Nano.DeviceTests.Storage
{
    /// <summary>
    /// Model-based runs of the EdgeBuffer on the device's runtime (<see cref="BufferModelRun"/>):
    /// record sizes from 64 to 512 bytes, events spanning several records, sync and checkpoint
    /// cadences, both overflow policies, each run going round the ring several times.
    /// PHYTRACE_LONG_TESTS adds more seeds and longer runs.
    /// </summary>
    [TestClass]
    public class EdgeBufferModelTests
    {
#if PHYTRACE_LONG_TESTS
        private const int Operations = 1500;
#else
        private const int Operations = 400;
#endif

        [TestMethod]
        [DataRow(1, 64, 48, 1, 4, false)]
        [DataRow(2, 64, 48, 3, 7, true)]
        [DataRow(3, 64, 64, 8, 2, true)]
        [DataRow(4, 128, 32, 1, 1, true)]
        [DataRow(5, 128, 32, 2, 5, false)]
        [DataRow(6, 128, 24, 1, 64, true)]
        [DataRow(7, 256, 24, 4, 9, true)]
        [DataRow(8, 256, 24, 1, 3, false)]
        [DataRow(9, 256, 16, 2, 1, false)]
        [DataRow(10, 512, 16, 2, 2, true)]
        [DataRow(11, 512, 16, 1, 16, false)]
        [DataRow(12, 512, 12, 3, 4, true)]
#if PHYTRACE_LONG_TESTS
        [DataRow(101, 64, 40, 1, 3, true)]
        [DataRow(102, 64, 40, 5, 11, false)]
        [DataRow(103, 128, 20, 2, 2, true)]
        [DataRow(104, 128, 60, 1, 7, false)]
        [DataRow(105, 256, 30, 6, 1, true)]
        [DataRow(106, 256, 14, 1, 5, false)]
        [DataRow(107, 1024, 10, 2, 3, true)]
        [DataRow(108, 1024, 12, 1, 1, false)]
#endif
        public void BehavesLikeAQueue(int seed, int recordSize, int slots, int syncEvery, int checkpointEvery, bool dropOldest)
        {
            var run = new BufferModelRun(seed, recordSize, slots, syncEvery, checkpointEvery, dropOldest);
            long capacity = run.CapacityBytes;
            run.Run(Operations);
            Assert.IsTrue(run.BytesAccepted > 2 * capacity, "seed " + seed.ToString() + ": went round the ring at least twice ("
                + run.BytesAccepted.ToString() + " bytes accepted, capacity " + capacity.ToString() + ")");
            Assert.IsTrue(run.Reopens > 0, "seed " + seed.ToString() + ": reopened at least once");
            if (dropOldest)
            {
                Assert.IsTrue(run.Evictions > 0, "seed " + seed.ToString() + ": DropOldest had to evict at least once");
            }
            else
            {
                Assert.IsTrue(run.Refusals > 0, "seed " + seed.ToString() + ": Reject had to refuse at least once");
            }
        }
    }
}
