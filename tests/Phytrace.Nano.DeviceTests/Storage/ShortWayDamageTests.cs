using nanoFramework.TestFramework;
using Phytrace.Nano.Storage;

namespace Phytrace.Nano.DeviceTests.Storage
{
    /// <summary>
    /// On nanoCLR: dequeue's short way (EdgeBuffer.TakeFromRun, which every plaintext Dequeue on a
    /// little-endian runtime takes: records checked as words straight from the read-ahead run) with
    /// one bit of the written slots flipped after the mount, so the mount's scan has not seen it.
    /// Every record that comes back is exactly as enqueued and in order, and the damage costs at
    /// most the record it hit, which is then counted. The .NET tests hold the short way to the long
    /// way byte for byte (ShortWayReadTests); this holds the device's run of it to the promise.
    /// </summary>
    [TestClass]
    public class ShortWayDamageTests
    {
        [TestMethod]
        public void DamageAfterTheMountCostsAtMostTheRecordItHit()
        {
            const int RecordSize = 128;
            // One to four slots each (72 bytes in a first slot, 96 in a continuation).
            int[] lengths = new int[] { 1, 320, 90, 200, 17, 119, 2, 160 };
            var options = StorageRig.Options(RecordSize, 320, 4, 100, OverflowPolicy.Reject);
            var written = new RamMedium(StorageRig.RegionLength(RecordSize, 40));
            var writer = new EdgeBuffer(written, options, StorageRig.SyncedClock());
            for (int n = 0; n < lengths.Length; n++)
            {
                Assert.IsTrue(StorageRig.Put(writer, n, lengths[n]), "enqueue " + n.ToString());
            }
            // A clean close: every record is on the medium (RamMedium keeps its image after Dispose).
            writer.Dispose();
            int cases = 0;
            int lost = 0;
            int end = Checkpoint.SlotsOffset + (24 * RecordSize);
            var id = new byte[16];
            for (int position = Checkpoint.SlotsOffset; position < end; position += 7)
            {
                // RamMedium copies the image it is given: the flip goes into the mounted medium's own.
                var medium = new RamMedium(written.Image);
                var mounted = new EdgeBuffer(medium, options, StorageRig.SyncedClock());
                medium.Image[position] ^= (byte)(1 << (position % 8));
                string where = "byte " + position.ToString();
                var events = StorageRig.RoomForAll(mounted);
                int got = 0;
                long last = -1;
                while (mounted.Dequeue(events, 3) > 0)
                {
                    for (int i = 0; i < events.Count; i++)
                    {
                        events.CopyEventId(i, id, 0);
                        long n = StorageRig.NumberOf(id, 0);
                        Assert.IsTrue(n > last && n < lengths.Length, where + ": event " + n.ToString() + " after " + last.ToString());
                        StorageRig.AssertIsEvent(events, i, n, lengths[(int)n], where);
                        last = n;
                        got++;
                    }
                    mounted.AcknowledgeThrough(events.Sequence(events.Count - 1));
                }
                Assert.IsTrue(got >= lengths.Length - 1, where + ": records back " + got.ToString());
                if (got < lengths.Length)
                {
                    Assert.IsTrue(mounted.GetStats().Corrupt >= 1, where + ": a lost record is counted");
                    lost++;
                }
                cases++;
            }
            // The flips hit records as well as padding (a test that never lost one would prove little).
            Assert.IsTrue(cases > 400 && lost > 150, "cases " + cases.ToString() + ", records lost " + lost.ToString());
        }
    }
}
