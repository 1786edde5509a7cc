using System;
using nanoFramework.TestFramework;
using Phytrace.Nano.Platform;
using Phytrace.Nano.Storage;

namespace Phytrace.Nano.DeviceTests.Storage
{
    /// <summary>
    /// Format 3 on the device's runtime: power cuts under the fault models real media show (flash
    /// leaving the rest of a write erased, an SD card landing any subset of its unflushed sectors or
    /// leaving the one it was writing unreadable), bit rot, a Remove that writes no slot, and the
    /// issue's SD-reorder repro. The sweeps build each image from one traced run (FaultImages).
    /// </summary>
    [TestClass]
    public class FormatThreeTests
    {
        [TestMethod]
        public void FlashCutAtEveryByteOfEveryWriteKeepsEveryPromise()
        {
            var run = new ScriptedWorkload();
            int images = 0;
            byte[] before = (byte[])run.Initial.Clone();
            for (int call = 0; call < run.Trace.Count; call++)
            {
                TracedWrite write = run.Trace[call];
                if (write.IsFlush)
                {
                    continue;
                }
                for (int cut = 0; cut < write.Data.Length; cut++)
                {
                    var image = (byte[])before.Clone();
                    FaultImages.LandFlashCut(image, write, cut, true, null);
                    run.Check(new RamMedium(image), call, "flash cut at byte " + cut.ToString() + ", rest 0xFF");
                    images++;
                }
                FaultImages.Land(before, write);
            }
            Assert.IsTrue(images > 1000, "images checked: " + images.ToString());
        }

        [TestMethod]
        public void SdCardLandingAnySubsetOfItsUnflushedSectorsKeepsEveryPromise()
        {
            var run = new ScriptedWorkload();
            var sectors = new long[16];
            var landed = new bool[16];
            int images = 0;
            for (int call = 0; call < run.Trace.Count; call++)
            {
                TracedWrite write = run.Trace[call];
                if (write.IsFlush)
                {
                    continue;
                }
                int first = run.FirstUnflushedBefore(call);
                byte[] atFlush = run.ImageBefore(first);
                byte[] newer = run.ImageBefore(call + 1);
                int count = FaultImages.TouchedSectors(run.Trace, first, call, ScriptedWorkload.SectorSize, sectors);
                for (int combination = 0; combination < (1 << count); combination++)
                {
                    for (int i = 0; i < count; i++)
                    {
                        landed[i] = ((combination >> i) & 1) != 0;
                    }
                    var image = (byte[])atFlush.Clone();
                    FaultImages.ComposeSectors(image, newer, sectors, landed, count, ScriptedWorkload.SectorSize);
                    run.Check(new RamMedium(image), call, "SD sectors, combination " + combination.ToString());
                    images++;
                }
            }
            Assert.IsTrue(images > 50, "images checked: " + images.ToString());
        }

        [TestMethod]
        public void TheSectorBeingWrittenBecomingUnreadableKeepsEveryPromise()
        {
            var run = new ScriptedWorkload();
            int images = 0;
            for (int call = 0; call < run.Trace.Count; call++)
            {
                TracedWrite write = run.Trace[call];
                if (write.IsFlush)
                {
                    continue;
                }
                for (int at = 0; at < write.Data.Length; at += ScriptedWorkload.SectorSize)
                {
                    byte[] image = run.ImageBefore(call);
                    FaultImages.LandPrefix(image, write, at);
                    var medium = new UnreadableSectorsMedium(image, ScriptedWorkload.SectorSize, 2);
                    medium.MakeUnreadable(write.Position + at);
                    run.Check(medium, call, "sector at " + (write.Position + at).ToString() + " unreadable");
                    images++;
                }
            }
            Assert.IsTrue(images > 10, "images checked: " + images.ToString());
        }

        [TestMethod]
        public void OneFlippedBitCostsAtMostTheRecordItHitAndIsCounted()
        {
            var options = ScriptedWorkload.Options();
            options.CheckpointEvery = 100;
            var ram = new RamMedium(Checkpoint.SlotsOffset + (ScriptedWorkload.Slots * ScriptedWorkload.RecordSize));
            var buffer = new EdgeBuffer(ram, options, ScriptedWorkload.Clock());
            for (long s = 0; s < 6; s++)
            {
                Assert.IsTrue(buffer.Enqueue(ScriptedWorkload.Payload(s), 0, 8, ScriptedWorkload.Id(s), 0, 1795780800000000L, true), "enqueue");
            }
            // Power cut: no Dispose. Groups of two records, one 128-byte sector each, past the checkpoint.
            int[] offsets = new int[] { 1, 4, 13, 20, 40, 60 };
            for (int victim = 0; victim < 6; victim++)
            {
                foreach (int offset in offsets)
                {
                    var image = (byte[])ram.Image.Clone();
                    image[Checkpoint.SlotsOffset + (victim * ScriptedWorkload.RecordSize) + offset] ^= 0x10;
                    var mounted = new EdgeBuffer(new RamMedium(image), options, ScriptedWorkload.Clock());
                    var events = new BufferedEvents(8, 64);
                    int got = 0;
                    bool victimBack = false;
                    while (mounted.Dequeue(events, 8) > 0)
                    {
                        for (int i = 0; i < events.Count; i++)
                        {
                            victimBack |= events.Sequence(i) == victim;
                            got++;
                        }
                        mounted.AcknowledgeThrough(events.Sequence(events.Count - 1));
                    }
                    string where = "record " + victim.ToString() + ", byte " + offset.ToString();
                    Assert.IsFalse(victimBack, where + ": the damaged record came back");
                    Assert.AreEqual(5, got, where + ": records back");
                    Assert.AreEqual(1L, mounted.GetStats().Corrupt, where + ": counted once");
                }
            }
        }

        [TestMethod]
        public void ARemoveWritesNoSlot()
        {
            var run = new ScriptedWorkload();
            int removes = 0;
            for (int call = 0; call < run.Trace.Count; call++)
            {
                // Operation 6 is the out-of-order Remove (ScriptedWorkload): checkpoint places only.
                if (run.Trace[call].Operation == 6 && !run.Trace[call].IsFlush)
                {
                    Assert.IsTrue(run.Trace[call].Position + run.Trace[call].Data.Length <= Checkpoint.SlotsOffset, "a Remove wrote into the slots");
                    removes++;
                }
            }
            Assert.AreEqual(2, removes, "a Remove writes the checkpoint's two copies");
        }

        [TestMethod]
        public void SdReorderReproNeverBringsARecordBackBehindANewerOne()
        {
            // The issue: E1 + Sync; E2, E3 + Sync, the cut landing E3's sector but not E2's; mount;
            // E4 + Sync; E5; reset. Format 2 delivered [E1, E4, E3].
            var options = ScriptedWorkload.Options();
            options.SyncEvery = 16;
            var initial = new byte[Checkpoint.SlotsOffset + (ScriptedWorkload.Slots * ScriptedWorkload.RecordSize)];
            var trace = new TracingMedium(new RamMedium(initial));
            var buffer = new EdgeBuffer(trace, options, ScriptedWorkload.Clock());
            Put(buffer, 0);
            Assert.IsTrue(buffer.Sync(), "sync E1");
            for (int n = 1; n <= 3; n++)
            {
                Put(buffer, n); // E2 fills the first sector with a filler, E3 is in the next
            }
            int group = trace.Count;
            Assert.IsTrue(buffer.Sync(), "sync E2, E3");
            TracedWrite write = trace[group];
            Assert.AreEqual(2 * ScriptedWorkload.SectorSize, write.Data.Length, "two sectors");
            byte[] image = (byte[])initial.Clone();
            for (int c = 0; c < group; c++)
            {
                if (!trace[c].IsFlush)
                {
                    FaultImages.Land(image, trace[c]);
                }
            }
            byte[] newer = (byte[])image.Clone();
            FaultImages.Land(newer, write);
            FaultImages.ComposeSectors(image, newer, new long[] { (write.Position / ScriptedWorkload.SectorSize) + 1 }, new bool[] { true }, 1, ScriptedWorkload.SectorSize);

            var afterCut = new RamMedium(image);
            var mounted = new EdgeBuffer(afterCut, options, ScriptedWorkload.Clock());
            Assert.AreEqual(1L, mounted.Count, "only E1 was synced");
            long e4 = mounted.NextSequence;
            Assert.IsTrue(e4 > 3, "the cut group's sequences are not used again");
            Put(mounted, e4);
            Assert.IsTrue(mounted.Sync(), "sync E4");
            Put(mounted, e4 + 1);

            var again = new EdgeBuffer(new RamMedium(afterCut.Image), options, ScriptedWorkload.Clock());
            var events = new BufferedEvents(8, 64);
            Assert.AreEqual(2, again.Dequeue(events, 8), "E1 and E4");
            Assert.AreEqual(0L, events.Sequence(0), "E1");
            Assert.AreEqual(e4, events.Sequence(1), "E4, and no E3 behind it");
        }

        private static void Put(EdgeBuffer buffer, long sequence)
        {
            Assert.IsTrue(buffer.Enqueue(ScriptedWorkload.Payload(sequence), 0, 8, ScriptedWorkload.Id(sequence), 0, 1795780800000000L, true), "enqueue " + sequence.ToString());
        }
    }
}
