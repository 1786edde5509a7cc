using System;
using Phytrace.Nano.Platform;
using Phytrace.Nano.Storage;

namespace Phytrace.Nano.DeviceTests
{
    /// <summary>Checks of the EdgeBuffer on the device's runtime, on a RAM medium and the fault-injecting one.</summary>
    public static class StorageChecks
    {
        private static readonly DateTime Now = new DateTime(2026, 11, 27, 12, 0, 0);

        public static void Run(CheckRunner r)
        {
            r.BeginSuite("Storage");
            r.Run("EnqueueDequeueAcknowledgeReopen", delegate
            {
                // Five records of one or two slots, each sync point a whole 512-byte sector (four slots).
                var medium = new RamMedium(Checkpoint.SlotsOffset + (32 * 128));
                var buffer = Open(medium);
                for (int n = 0; n < 5; n++)
                {
                    Expect.True(Put(buffer, n, 20 + (n * 40)), "enqueue " + n.ToString());
                }
                var events = new BufferedEvents(8, 2048);
                Expect.Equal(5, buffer.Dequeue(events, 8), "dequeued");
                Expect.Equal(2, buffer.AcknowledgeThrough(1), "acknowledged");
                buffer.Dispose();
                var reopened = Open(medium);
                Expect.Equal(3, reopened.Dequeue(events, 8), "after reopen");
                Expect.Equal(2, events.Sequence(0), "oldest sequence");
                byte[] expected = Payload(4, 180);
                Expect.Equal(180, events.PayloadLength(2), "spanning event length");
                Expect.BytesEqual(expected, 0, events.Payload, events.PayloadOffset(2), 180, "spanning event bytes");
            });
            r.Run("FullRegionRejects", delegate
            {
                // 16 slots of 128 bytes in 512-byte sectors: the least that holds one event of
                // MaxEventSize (1000 bytes, 11 slots, padded to 12) and one more sector; one record
                // per sync point takes a whole sector, so four fit.
                var buffer = Open(new RamMedium(Checkpoint.SlotsOffset + (16 * 128)));
                for (int n = 0; n < 4; n++)
                {
                    Expect.True(Put(buffer, n, 10), "enqueue " + n.ToString());
                }
                Expect.False(Put(buffer, 4, 10), "fifth does not fit");
                Expect.True(buffer.LastEnqueueFailure == EnqueueFailure.Full, "reason is Full");
            });
            r.Run("TooLargeEventThrows", delegate
            {
                var buffer = Open(new RamMedium(Checkpoint.SlotsOffset + (16 * 128)));
                Expect.Throws(delegate { Put(buffer, 0, 1001); }, "1001 bytes over MaxEventSize 1000");
                Expect.Equal(0, buffer.Count, "nothing stored");
            });
            r.Run("PowerCutLosesOnlyTheRecordBeingWritten", delegate
            {
                var ram = new RamMedium(Checkpoint.SlotsOffset + (16 * 128));
                var medium = new FaultInjectingMedium(ram);
                var buffer = Open(medium);
                Put(buffer, 0, 50);
                Put(buffer, 1, 50);
                medium.CutPowerAt(medium.WriteCalls, 40);
                Expect.False(Put(buffer, 2, 50), "write cut");
                var events = new BufferedEvents(8, 2048);
                Expect.Equal(2, Open(ram).Dequeue(events, 8), "earlier records survive");
            });
            r.Run("BitFlipIsSkippedAndCounted", delegate
            {
                var ram = new RamMedium(Checkpoint.SlotsOffset + (16 * 128));
                var buffer = Open(ram);
                Put(buffer, 0, 50);
                Put(buffer, 1, 50);
                buffer.Dispose();
                ram.Image[Checkpoint.SlotsOffset + 70] ^= 0x04;
                var reopened = Open(ram);
                var events = new BufferedEvents(8, 2048);
                Expect.Equal(1, reopened.Dequeue(events, 8), "only the intact record");
                Expect.Equal(1, events.Sequence(0), "it is the second one");
                Expect.Equal(1, reopened.GetStats().Corrupt, "corrupt slot counted");
            });
            r.Run("MountScansARunOfSlotsPerRead", delegate
            {
                var ram = new RamMedium(Checkpoint.SlotsOffset + (64 * 128));
                var buffer = Open(ram);
                for (int n = 0; n < 7; n++)
                {
                    Put(buffer, n, 30); // checkpoint every 4: 3 records past the last one
                }
                var counting = new FaultInjectingMedium(ram); // power cut: the buffer is never disposed
                var reopened = Open(counting);
                Expect.Equal(7, reopened.Count, "every record recovered");
                // The three records past the last checkpoint take a sector (four slots) each: one run
                // of twelve slots (the group buffer), and one more read finds the log's end.
                Expect.Equal(Checkpoint.Places + 2, counting.ReadCalls, "checkpoint places plus two runs of slots");
            });
            r.Run("OtherFormatVersionIsRefusedNotReformatted", delegate
            {
                var ram = new RamMedium(Checkpoint.SlotsOffset + (16 * 128));
                LegacyCheckpoint.Write(ram.Image, 2, 0, 0x1234u, 128, 16, 5, 0, 1);
                byte[] before = (byte[])ram.Image.Clone();
                Exception e = Expect.Throws(delegate { Open(ram); }, "a format-2 region is refused");
                Expect.True(e is InvalidOperationException, "InvalidOperationException");
                Expect.BytesEqual(before, 0, ram.Image, 0, before.Length, "region left as it was");
            });
        }

        private static EdgeBuffer Open(IStorageMedium medium)
        {
            var options = new EdgeBufferOptions();
            options.RecordSize = 128;
            options.MaxEventSize = 1000;
            options.CheckpointEvery = 4;
            return new EdgeBuffer(medium, options, new ManualWallClock(Now, true));
        }

        private static bool Put(EdgeBuffer buffer, int n, int length)
        {
            var id = new byte[16];
            id[0] = (byte)n;
            id[6] = 0x70;
            return buffer.Enqueue(Payload(n, length), 0, length, id, 0, 1795780800000000L, true);
        }

        private static byte[] Payload(int n, int length)
        {
            var p = new byte[length];
            for (int i = 0; i < length; i++)
            {
                p[i] = (byte)((n * 31) + (i * 7));
            }
            return p;
        }
    }
}
