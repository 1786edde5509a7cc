using System;
using System.Collections;
using nanoFramework.TestFramework;
using Phytrace.Nano.Platform;
using Phytrace.Nano.Storage;

namespace Phytrace.Nano.DeviceTests.Storage
{
    /// <summary>
    /// A small fixed workload run once on a traced RAM medium (enqueues in groups of two, a
    /// checkpoint every two records, an acknowledge, an out-of-order remove, a clear, a clean
    /// close), with what an image cut during each of its operations must hold (records synced
    /// before it and still live after it) and must not (records consumed by earlier operations).
    /// <see cref="Check"/> mounts such an image and holds it to every promise of format 3.
    /// </summary>
    internal sealed class ScriptedWorkload
    {
        public const int RecordSize = 64;
        public const int SectorSize = 128;
        public const int Slots = 32;
        private const int MaxSequences = 16;
        private const int PayloadLength = 8; // one slot

        private static readonly DateTime Now = new DateTime(2026, 11, 27, 12, 0, 0);

        private readonly bool[] live = new bool[MaxSequences];
        private readonly int[] consumedAt = new int[MaxSequences];
        private readonly ArrayList keep = new ArrayList();
        private readonly ArrayList forbidden = new ArrayList();
        private long[] maxWritten;
        private int accepted;

        public ScriptedWorkload()
        {
            Initial = new byte[Checkpoint.SlotsOffset + (Slots * RecordSize)];
            Trace = new TracingMedium(new RamMedium(Initial));
            for (int s = 0; s < MaxSequences; s++)
            {
                consumedAt[s] = -1;
            }
            Run();
        }

        public byte[] Initial { get; }

        public TracingMedium Trace { get; }

        public static EdgeBufferOptions Options()
        {
            var options = new EdgeBufferOptions();
            options.RecordSize = RecordSize;
            options.SectorSize = SectorSize;
            options.SyncEvery = 2;
            options.CheckpointEvery = 2;
            options.MaxEventSize = PayloadLength;
            return options;
        }

        public static ManualWallClock Clock()
        {
            return new ManualWallClock(Now, true);
        }

        public static byte[] Payload(long sequence)
        {
            var p = new byte[PayloadLength];
            for (int i = 0; i < PayloadLength; i++)
            {
                p[i] = (byte)((sequence * 31) + (i * 7));
            }
            return p;
        }

        public static byte[] Id(long sequence)
        {
            var id = new byte[16];
            id[0] = (byte)sequence;
            id[6] = 0x70;
            id[8] = 0x80;
            return id;
        }

        private void Run()
        {
            Trace.Operation = 0;
            var buffer = new EdgeBuffer(Trace, Options(), Clock());
            Close(0, buffer, new bool[MaxSequences]);
            int op = 1;
            for (int round = 0; round < 2; round++)
            {
                Enqueue(op++, buffer);
                Enqueue(op++, buffer);
            }
            bool[] before = Begin(op, buffer);
            Assert.AreEqual(1, buffer.AcknowledgeThrough(0), "acknowledge 0");
            Consume(0, op);
            Close(op++, buffer, before);
            before = Begin(op, buffer);
            Assert.AreEqual(1, buffer.Remove(new string[] { Phytrace.Nano.Formats.UuidText.ToString(Id(2), 0) }), "remove 2");
            Consume(2, op);
            Close(op++, buffer, before);
            Enqueue(op++, buffer);
            Enqueue(op++, buffer);
            before = Begin(op, buffer);
            buffer.Clear();
            for (int s = 0; s < MaxSequences; s++)
            {
                if (live[s])
                {
                    Consume(s, op);
                }
            }
            Close(op++, buffer, before);
            Enqueue(op++, buffer);
            Enqueue(op++, buffer);
            before = Begin(op, buffer);
            buffer.Dispose();
            Close(op, buffer, before);
            Trace.Operation = op + 1;
            maxWritten = new long[Trace.Count];
            long highest = -1;
            for (int call = 0; call < Trace.Count; call++)
            {
                TracedWrite write = Trace[call];
                for (int at = 0; !write.IsFlush && write.Position >= Checkpoint.SlotsOffset && at + 24 <= write.Data.Length; at += RecordSize)
                {
                    if (write.Data[at] == SlotFormat.Magic0 && write.Data[at + 1] == SlotFormat.Magic1 && (write.Data[at + SlotFormat.OffsetFlags] & SlotFormat.FlagFirst) != 0)
                    {
                        long sequence = ReadInt64(write.Data, at + SlotFormat.OffsetSequence);
                        highest = sequence > highest ? sequence : highest;
                    }
                }
                maxWritten[call] = highest;
            }
        }

        private void Enqueue(int op, EdgeBuffer buffer)
        {
            bool[] before = Begin(op, buffer);
            long sequence = buffer.NextSequence;
            Assert.IsTrue(buffer.Enqueue(Payload(sequence), 0, PayloadLength, Id(sequence), 0, 1795780800000000L, true), "enqueue " + sequence.ToString());
            live[sequence] = true;
            accepted = (int)sequence + 1;
            Close(op, buffer, before);
        }

        private bool[] Begin(int op, EdgeBuffer buffer)
        {
            Trace.Operation = op;
            return Durable(buffer);
        }

        private void Close(int op, EdgeBuffer buffer, bool[] durableBefore)
        {
            bool[] after = Durable(buffer);
            var mustKeep = new bool[MaxSequences];
            var mustNot = new bool[MaxSequences];
            for (int s = 0; s < MaxSequences; s++)
            {
                mustKeep[s] = durableBefore[s] && after[s];
                mustNot[s] = consumedAt[s] >= 0 && consumedAt[s] < op;
            }
            keep.Add(mustKeep);
            forbidden.Add(mustNot);
        }

        private bool[] Durable(EdgeBuffer buffer)
        {
            var durable = new bool[MaxSequences];
            long synced = buffer.SyncedThroughSequence;
            for (int s = 0; s < MaxSequences; s++)
            {
                durable[s] = live[s] && s < synced;
            }
            return durable;
        }

        private void Consume(int sequence, int op)
        {
            live[sequence] = false;
            consumedAt[sequence] = op;
        }

        /// <summary>The image before trace call <paramref name="call"/>: the initial bytes and every write before it.</summary>
        public byte[] ImageBefore(int call)
        {
            var image = (byte[])Initial.Clone();
            for (int c = 0; c < call; c++)
            {
                if (!Trace[c].IsFlush)
                {
                    FaultImages.Land(image, Trace[c]);
                }
            }
            return image;
        }

        /// <summary>The first call after the last Flush before <paramref name="call"/>.</summary>
        public int FirstUnflushedBefore(int call)
        {
            for (int c = call - 1; c >= 0; c--)
            {
                if (Trace[c].IsFlush)
                {
                    return c + 1;
                }
            }
            return 0;
        }

        /// <summary>
        /// Mounts <paramref name="image"/>, a fault during trace call <paramref name="call"/>, drains it
        /// and asserts: the mount works; records come back in order, byte-identical, only accepted
        /// ones; every record synced before the operation and live after it is there; nothing
        /// consumed before it is; Count is exact; NextSequence is above every sequence written.
        /// Returns how many records came back.
        /// </summary>
        public int Check(IStorageMedium image, int call, string model)
        {
            int op = Trace[call].Operation;
            bool[] mustKeep = (bool[])keep[op];
            bool[] mustNot = (bool[])forbidden[op];
            string where = model + ", call " + call.ToString() + " (operation " + op.ToString() + ")";
            EdgeBuffer buffer = Mount(image, where);
            Assert.IsTrue(buffer.NextSequence > maxWritten[call], where + ": NextSequence " + buffer.NextSequence.ToString() + " not above " + maxWritten[call].ToString());
            long count = buffer.Count;
            var seen = new bool[MaxSequences];
            var events = new BufferedEvents(8, 8 * PayloadLength);
            long previous = -1;
            int delivered = 0;
            for (int round = 0; round < Slots && buffer.Dequeue(events, 8) > 0; round++)
            {
                for (int i = 0; i < events.Count; i++)
                {
                    long sequence = events.Sequence(i);
                    Assert.IsTrue(sequence > previous, where + ": " + sequence.ToString() + " after " + previous.ToString());
                    Assert.IsTrue(sequence < accepted, where + ": " + sequence.ToString() + " was never accepted");
                    Assert.IsFalse(mustNot[sequence], where + ": consumed record " + sequence.ToString() + " came back");
                    byte[] expected = Payload(sequence);
                    for (int k = 0; k < PayloadLength; k++)
                    {
                        Assert.IsTrue(events.Payload[events.PayloadOffset(i) + k] == expected[k], where + ": record " + sequence.ToString() + " came back with other bytes");
                    }
                    seen[sequence] = true;
                    previous = sequence;
                    delivered++;
                }
                buffer.AcknowledgeThrough(events.Sequence(events.Count - 1));
            }
            Assert.AreEqual(count, (long)delivered, where + ": Count after mount");
            for (int s = 0; s < MaxSequences; s++)
            {
                Assert.IsFalse(mustKeep[s] && !seen[s], where + ": synced record " + s.ToString() + " lost");
            }
            return delivered;
        }

        private static EdgeBuffer Mount(IStorageMedium image, string where)
        {
            try
            {
                return new EdgeBuffer(image, Options(), Clock());
            }
            catch (Exception e)
            {
                throw new Exception(where + ": mount failed: " + e.Message);
            }
        }

        private static long ReadInt64(byte[] b, int at)
        {
            long value = 0;
            for (int i = 7; i >= 0; i--)
            {
                value = (value << 8) | b[at + i];
            }
            return value;
        }
    }
}
