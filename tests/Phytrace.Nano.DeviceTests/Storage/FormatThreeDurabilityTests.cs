using System;
using nanoFramework.TestFramework;
using Phytrace.Nano.Formats;
using Phytrace.Nano.Storage;

namespace Phytrace.Nano.DeviceTests.Storage
{
    /// <summary>
    /// Format 3's promises about time on the device's runtime: a damaged checkpoint copy never
    /// takes the buffer back (acknowledged, removed and cleared records stay gone), DropOldest
    /// evictions are durable at the next sync point, the mount scan resynchronises past a damaged
    /// slot, Count is exact after a power cut, and NextSequence never goes back across mounts.
    /// </summary>
    [TestClass]
    public class FormatThreeDurabilityTests
    {
        private const int RecordSize = 128;
        private const long CapturedAt = 1795780800000000L;

        [TestMethod]
        public void ADamagedCheckpointCopyNeverBringsBackAcknowledgedRemovedOrClearedRecords()
        {
            var options = Options(1, 4, OverflowPolicy.Reject, RecordSize);
            var ram = new RamMedium(Region(64));
            var buffer = new EdgeBuffer(ram, options, ScriptedWorkload.Clock());
            for (long n = 0; n < 12; n++)
            {
                Put(buffer, n, 40);
            }
            buffer.Clear(); // 0..11 cleared
            for (long n = 12; n < 40; n++)
            {
                Put(buffer, n, 40);
            }
            Assert.AreEqual(10, buffer.AcknowledgeThrough(21), "acknowledge 12..21");
            Assert.AreEqual(1, buffer.Remove(new string[] { UuidText.ToString(ScriptedWorkload.Id(30), 0) }), "remove 30");
            buffer.Dispose();

            for (int place = 0; place < Checkpoint.Places; place++)
            {
                // Damage one place at a time, on a copy: its twin (or an older generation) is read instead.
                var copy = new RamMedium(ram.Image);
                copy.Image[(place * Checkpoint.Stride) + 40] ^= 0x10;
                var reopened = new EdgeBuffer(copy, options, ScriptedWorkload.Clock());
                string where = "checkpoint place " + place.ToString() + " damaged";
                Assert.AreEqual(17L, reopened.Count, where + ": Count");
                long expected = 22;
                var events = new BufferedEvents(8, 8 * 40);
                while (reopened.Dequeue(events, 8) > 0)
                {
                    for (int i = 0; i < events.Count; i++)
                    {
                        Assert.AreEqual(expected, events.Sequence(i), where + ": records in order, none consumed back");
                        expected = expected == 29 ? 31 : expected + 1;
                    }
                    reopened.AcknowledgeThrough(events.Sequence(events.Count - 1));
                }
                Assert.AreEqual(40L, expected, where + ": every live record back");
                Assert.AreEqual(1L, reopened.GetStats().Corrupt, where + ": the damaged place, counted once");
            }
        }

        [TestMethod]
        [DataRow(1)]
        [DataRow(4)]
        public void DropOldestEvictionsAreDurableAtTheNextSyncPoint(int syncEvery)
        {
            var options = Options(syncEvery, 1000, OverflowPolicy.DropOldest, RecordSize);
            var ram = new RamMedium(Region(8));
            var buffer = new EdgeBuffer(ram, options, ScriptedWorkload.Clock());
            for (long n = 0; n < 8; n++)
            {
                Put(buffer, n, 40);
            }
            Assert.IsTrue(buffer.Sync(), "sync 0..7");
            for (long n = 8; n < 11; n++)
            {
                Put(buffer, n, 40); // evicts 0, 1, 2
            }
            Assert.AreEqual(3L, buffer.GetStats().Dropped, "evicted");
            Assert.IsTrue(buffer.Sync(), "the sync point");

            // Power cut: no Dispose, and no checkpoint since the evictions (CheckpointEvery 1000).
            var mounted = new EdgeBuffer(new RamMedium(ram.Image), options, ScriptedWorkload.Clock());
            Assert.AreEqual(8L, mounted.Count, "Count after the cut");
            var events = new BufferedEvents(16, 16 * 40);
            long expected = 3;
            while (mounted.Dequeue(events, 16) > 0)
            {
                for (int i = 0; i < events.Count; i++)
                {
                    Assert.AreEqual(expected, events.Sequence(i), "an evicted record came back, or one was lost");
                    expected++;
                }
                mounted.AcknowledgeThrough(events.Sequence(events.Count - 1));
            }
            Assert.AreEqual(11L, expected, "records 3..10 after the cut");
        }

        [TestMethod]
        public void TheMountScanResynchronisesPastADamagedSlotAndCountsIt()
        {
            // Eight synced records past the checkpoint (CheckpointEvery 100); the fourth is damaged.
            var options = Options(1, 100, OverflowPolicy.Reject, RecordSize);
            var ram = new RamMedium(Region(16));
            var buffer = new EdgeBuffer(ram, options, ScriptedWorkload.Clock());
            for (long n = 0; n < 8; n++)
            {
                Put(buffer, n, 40);
            }
            // Power cut: no Dispose. Each record has a sector (128 bytes) of its own.
            ram.Image[Checkpoint.SlotsOffset + (3 * RecordSize) + 30] ^= 0x04;

            var mounted = new EdgeBuffer(new RamMedium(ram.Image), options, ScriptedWorkload.Clock());
            Assert.AreEqual(7L, mounted.Count, "Count: the damaged record only is gone");
            var events = new BufferedEvents(16, 16 * 40);
            long[] expected = new long[] { 0, 1, 2, 4, 5, 6, 7 };
            int got = 0;
            while (mounted.Dequeue(events, 16) > 0)
            {
                for (int i = 0; i < events.Count; i++)
                {
                    Assert.IsTrue(got < expected.Length, "more records than were kept");
                    Assert.AreEqual(expected[got], events.Sequence(i), "record " + got.ToString());
                    got++;
                }
                mounted.AcknowledgeThrough(events.Sequence(events.Count - 1));
            }
            Assert.AreEqual(expected.Length, got, "records after the damage are still read");
            Assert.AreEqual(1L, mounted.GetStats().Corrupt, "counted once");
            Assert.IsTrue(mounted.NextSequence > 7, "NextSequence above the records after the damage");
        }

        [TestMethod]
        public void NextSequenceIsAboveEverySequenceWrittenAndNeverGoesBackAcrossMounts()
        {
            // Groups of four two-slot records: 1 KiB, two 512-byte sectors per sync point.
            var options = Options(4, 6, OverflowPolicy.Reject, 512);
            options.MaxEventSize = 100;
            var ram = new RamMedium(Region(256));
            var medium = new FaultInjectingMedium(ram);
            var buffer = new EdgeBuffer(medium, options, ScriptedWorkload.Clock());
            for (long n = 0; n < 9; n++)
            {
                Put(buffer, n, 100);
            }
            // The group of 8..11 is cut in its second sector: 8 and 9 landed, never synced.
            medium.CutPowerAt(medium.WriteCalls, 512 + 10);
            long before = buffer.NextSequence;
            for (long n = 9; n < 12; n++)
            {
                TryPut(buffer, n, 100);
            }

            var cut = new RamMedium(ram.Image);
            var mounted = new EdgeBuffer(cut, options, ScriptedWorkload.Clock());
            long next = mounted.NextSequence;
            Assert.IsTrue(next >= before, "NextSequence went back from " + before.ToString() + " to " + next.ToString());
            Assert.IsTrue(next > 11, "NextSequence " + next.ToString() + " not above the sequences the cut group was given");
            Assert.IsTrue(mounted.Count >= 8, "the synced records 0..7 are there: Count " + mounted.Count.ToString());
            long limit = options.CheckpointEvery + options.SyncEvery + 3;
            Assert.IsTrue(next - before <= limit, "a mount skips at most what one checkpoint reserves: " + (next - before).ToString());

            // The next record carries NextSequence; a clean close keeps it, a cut never lowers it.
            Put(mounted, next, 100);
            Assert.AreEqual(next + 1, mounted.NextSequence, "after one enqueue");
            mounted.Dispose();
            var reopened = new EdgeBuffer(cut, options, ScriptedWorkload.Clock());
            Assert.AreEqual(next + 1, reopened.NextSequence, "a clean close leaves no gap");
            Put(reopened, next + 1, 100); // not synced (SyncEvery 4): lost to the cut below
            var again = new EdgeBuffer(new RamMedium(cut.Image), options, ScriptedWorkload.Clock());
            Assert.IsTrue(again.NextSequence >= next + 1, "went back after a cut: " + again.NextSequence.ToString());
            Assert.AreEqual(next, LastSequence(again), "the newest synced record is the one before the cut");
        }

        private static long LastSequence(EdgeBuffer buffer)
        {
            var events = new BufferedEvents(16, 16 * 100);
            long last = -1;
            while (buffer.Dequeue(events, 16) > 0)
            {
                last = events.Sequence(events.Count - 1);
                buffer.AcknowledgeThrough(last);
            }
            return last;
        }

        private static EdgeBufferOptions Options(int syncEvery, int checkpointEvery, OverflowPolicy overflow, int sectorSize)
        {
            var options = new EdgeBufferOptions();
            options.RecordSize = RecordSize;
            options.SectorSize = sectorSize;
            options.SyncEvery = syncEvery;
            options.CheckpointEvery = checkpointEvery;
            options.Overflow = overflow;
            options.MaxEventSize = 40;
            return options;
        }

        private static int Region(int slots)
        {
            return Checkpoint.SlotsOffset + (slots * RecordSize);
        }

        private static void Put(EdgeBuffer buffer, long sequence, int length)
        {
            Assert.IsTrue(TryPut(buffer, sequence, length), "enqueue " + sequence.ToString());
        }

        private static bool TryPut(EdgeBuffer buffer, long sequence, int length)
        {
            var payload = new byte[length];
            for (int i = 0; i < length; i++)
            {
                payload[i] = (byte)((sequence * 31) + (i * 7));
            }
            return buffer.Enqueue(payload, 0, length, ScriptedWorkload.Id(sequence), 0, CapturedAt, true);
        }
    }
}
