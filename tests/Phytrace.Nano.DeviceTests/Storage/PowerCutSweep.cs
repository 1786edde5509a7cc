using System;
using nanoFramework.TestFramework;
using Phytrace.Nano.Platform;
using Phytrace.Nano.Storage;

namespace Phytrace.Nano.DeviceTests.Storage
{
    /// <summary>
    /// A power-cut sweep on the device's runtime: a small random workload (enqueue, dequeue,
    /// acknowledge, remove) runs once on a <see cref="FaultInjectingMedium"/> that traces every write;
    /// then, for every byte of every write, the image a power cut there leaves is mounted and held to
    /// what the buffer promised when the cut came: every record synced before the interrupted
    /// operation and not consumed by it is back, in order and byte-identical; a record of the group
    /// being written comes back only with all the group's records before it; nothing consumed earlier
    /// comes back; nothing never accepted appears; the mount never throws; reading and acknowledging
    /// everything (as the uplink does) leaves Count at 0; and the mounted buffer keeps working (a new
    /// event gets the NextSequence the mount reported).
    /// </summary>
    public sealed class PowerCutSweep
    {
        private const int MaxWrites = 4096;
        private const int MaxOps = 512;

        private readonly int seed;
        private readonly EdgeBufferOptions options;
        private readonly RamMedium ram;
        private readonly ManualWallClock clock = StorageRig.SyncedClock();
        private byte[] initial;

        // The traced writes, in order.
        private readonly long[] writePosition = new long[MaxWrites];
        private readonly byte[][] writeData = new byte[MaxWrites][];
        private int writes;

        // Every accepted event: its sequence, number and length.
        private readonly long[] acceptedSequence = new long[MaxOps];
        private readonly long[] acceptedNumber = new long[MaxOps];
        private readonly int[] acceptedLength = new int[MaxOps];
        private int accepted;

        // Per operation: its writes [first, end), what was synced before it, and the durable sets around it.
        private readonly int[] opFirstWrite = new int[MaxOps];
        private readonly int[] opEndWrite = new int[MaxOps];
        private readonly string[] opKind = new string[MaxOps];
        private readonly long[] opSyncedBefore = new long[MaxOps];
        private readonly long[][] opDurableBefore = new long[MaxOps][];
        private readonly long[][] opDurableAfter = new long[MaxOps][];
        private readonly long[][] opConsumed = new long[MaxOps][];
        private int ops;

        /// <summary>Bytes the workload wrote past the checkpoint area: above the capacity, it went round the ring.</summary>
        public long RingBytesWritten;

        /// <summary>Cut points checked.</summary>
        public int Cuts;

        public PowerCutSweep(int seed, int recordSize, int slots, int syncEvery, int checkpointEvery)
        {
            this.seed = seed;
            options = StorageRig.Options(recordSize, recordSize + (recordSize / 2), syncEvery, checkpointEvery, OverflowPolicy.Reject);
            ram = new RamMedium(StorageRig.RegionLength(recordSize, slots));
        }

        /// <summary>Capacity of the ring in bytes.</summary>
        public long CapacityBytes;

        /// <summary>Runs the workload of <paramref name="operations"/> steps, tracing every write.</summary>
        public void Record(int operations)
        {
            var medium = new FaultInjectingMedium(ram);
            var buffer = new EdgeBuffer(medium, options, clock);
            CapacityBytes = buffer.GetStats().CapacityBytes;
            initial = (byte[])ram.Image.Clone();
            medium.OnWrite = delegate(long index, long position, byte[] data, int offset, int count)
            {
                var copy = new byte[count];
                Array.Copy(data, offset, copy, 0, count);
                writePosition[writes] = position;
                if (position >= Checkpoint.SlotsOffset)
                {
                    RingBytesWritten += count;
                }
                writeData[writes] = copy;
                writes++;
            };
            var random = new XorShiftRandom((ulong)seed);
            var batch = new BufferedEvents(8, 8 * options.MaxEventSize);
            var live = new long[MaxOps];
            int liveCount = 0;
            long lastDequeued = -1;
            long number = 0;
            var id = new byte[16];
            for (int op = 0; op < operations; op++)
            {
                opFirstWrite[op] = writes;
                long syncedBefore = buffer.SyncedThroughSequence;
                opSyncedBefore[op] = syncedBefore;
                opDurableBefore[op] = Below(live, liveCount, syncedBefore);
                long[] liveBefore = Below(live, liveCount, long.MaxValue);
                int kind = random.NextInt(100);
                if (kind < 60)
                {
                    opKind[op] = "enqueue";
                    int length = random.NextInt(options.MaxEventSize + 1);
                    long sequence = buffer.NextSequence;
                    if (StorageRig.Put(buffer, number, length))
                    {
                        acceptedSequence[accepted] = sequence;
                        acceptedNumber[accepted] = number;
                        acceptedLength[accepted] = length;
                        accepted++;
                        live[liveCount++] = sequence;
                    }
                    number++;
                }
                else if (kind < 78)
                {
                    opKind[op] = "dequeue";
                    int n = buffer.Dequeue(batch, 1 + random.NextInt(5));
                    if (n > 0)
                    {
                        lastDequeued = batch.Sequence(n - 1);
                    }
                }
                else if (kind < 92)
                {
                    opKind[op] = "acknowledge";
                    if (lastDequeued >= 0)
                    {
                        buffer.AcknowledgeThrough(lastDequeued);
                        int kept = 0;
                        for (int i = 0; i < liveCount; i++)
                        {
                            if (live[i] > lastDequeued)
                            {
                                live[kept++] = live[i];
                            }
                        }
                        liveCount = kept;
                    }
                }
                else
                {
                    opKind[op] = "remove";
                    if (liveCount > 0)
                    {
                        int victim = random.NextInt(liveCount);
                        StorageRig.Id(NumberOfSequence(live[victim]), id, 0);
                        Assert.AreEqual(1, buffer.Remove(new string[] { Phytrace.Nano.Formats.UuidText.ToString(id, 0) }), Where(op) + ": Remove finds the live event");
                        Array.Copy(live, victim + 1, live, victim, liveCount - victim - 1);
                        liveCount--;
                    }
                }
                opEndWrite[op] = writes;
                opDurableAfter[op] = Below(live, liveCount, buffer.SyncedThroughSequence);
                opConsumed[op] = Missing(liveBefore, live, liveCount);
                ops++;
            }
            medium.OnWrite = null;
        }

        /// <summary>Mounts the image of every cut point and checks it; fails naming the cut, the operation and the sets.</summary>
        public void CheckEveryCut()
        {
            byte[] image = (byte[])initial.Clone();
            int op = 0;
            for (int w = 0; w < writes; w++)
            {
                while (opEndWrite[op] <= w)
                {
                    op++;
                }
                byte[] data = writeData[w];
                for (int b = 0; b < data.Length; b++)
                {
                    var medium = new RamMedium(image);
                    if (b > 0)
                    {
                        medium.Write(writePosition[w], data, 0, b);
                    }
                    CheckCut(medium, op, "cut at byte " + b.ToString() + " of write " + w.ToString() + " (" + data.Length.ToString() + " bytes at " + writePosition[w].ToString() + ")");
                    Cuts++;
                }
                Array.Copy(data, 0, image, (int)writePosition[w], data.Length);
            }
        }

        private void CheckCut(RamMedium medium, int op, string cut)
        {
            string where = Where(op) + ", " + cut;
            EdgeBuffer buffer;
            try
            {
                buffer = new EdgeBuffer(medium, options, clock);
            }
            catch (Exception e)
            {
                Assert.IsTrue(false, where + ": mount threw " + e.GetType().Name + ": " + e.Message);
                return;
            }
            // Read everything the way the uplink does: a Dequeue may stop before damage it cannot
            // yet skip (it is skipped once it reaches the tail), so acknowledge and read on.
            long next = buffer.NextSequence;
            BufferedEvents batch = StorageRig.RoomForAll(buffer);
            var got = new long[MaxOps];
            int count = 0;
            long newestFromGroup = -1;
            for (int round = 0; round < MaxOps; round++)
            {
                int n = buffer.Dequeue(batch, batch.Capacity);
                if (n == 0)
                {
                    break;
                }
                for (int i = 0; i < n; i++)
                {
                    long sequence = batch.Sequence(i);
                    Assert.IsTrue(count == 0 || sequence > got[count - 1], where + ": records come back in order");
                    int k = AcceptedIndex(sequence);
                    Assert.IsTrue(k >= 0, where + ": record " + sequence.ToString() + " was never accepted");
                    StorageRig.AssertIsEvent(batch, i, acceptedNumber[k], acceptedLength[k], where);
                    got[count++] = sequence;
                    if (sequence >= opSyncedBefore[op])
                    {
                        newestFromGroup = sequence;
                    }
                    else
                    {
                        // Synced before this operation: it must have been live before or after it.
                        Assert.IsTrue(Contains(opDurableBefore[op], sequence) || Contains(opDurableAfter[op], sequence),
                            where + ": record " + sequence.ToString() + " came back although consumed before; " + Sets(op, got, count));
                    }
                }
                buffer.AcknowledgeThrough(batch.Sequence(n - 1));
            }
            Assert.AreEqual(0L, buffer.Count, where + ": Count after reading and acknowledging everything");
            long[] mustSurvive = opDurableBefore[op];
            for (int i = 0; i < mustSurvive.Length; i++)
            {
                if (Contains(opDurableAfter[op], mustSurvive[i]))
                {
                    Assert.IsTrue(Contains(got, count, mustSurvive[i]), where + ": synced record " + mustSurvive[i].ToString() + " was lost; " + Sets(op, got, count));
                }
            }
            // The group being written landed as a whole prefix or not at all.
            for (int i = 0; i < accepted && newestFromGroup >= 0; i++)
            {
                long s = acceptedSequence[i];
                if (s >= opSyncedBefore[op] && s < newestFromGroup)
                {
                    Assert.IsTrue(Contains(got, count, s) || Contains(opConsumed[op], s),
                        where + ": record " + s.ToString() + " is missing below record " + newestFromGroup.ToString() + " of the group being written; " + Sets(op, got, count));
                }
            }
            // The mounted buffer keeps working: a new record gets the sequence NextSequence said at the mount.
            Assert.IsTrue(StorageRig.Put(buffer, 99999, 10), where + ": a new record is accepted after the mount");
            Assert.AreEqual(1, buffer.Dequeue(batch, batch.Capacity), where + ": the new record is all there is");
            Assert.AreEqual(next, batch.Sequence(0), where + ": the new record gets NextSequence");
            buffer.Dispose();
        }

        private string Where(int op)
        {
            return "seed " + seed.ToString() + ", op " + op.ToString() + " (" + opKind[op] + ")";
        }

        private string Sets(int op, long[] got, int count)
        {
            string text = "synced before " + opSyncedBefore[op].ToString() + ", durable before [" + Join(opDurableBefore[op]) + "], after [" + Join(opDurableAfter[op]) + "], recovered [";
            for (int i = 0; i < count; i++)
            {
                text += (i > 0 ? "," : string.Empty) + got[i].ToString();
            }
            return text + "]";
        }

        private long NumberOfSequence(long sequence)
        {
            return acceptedNumber[AcceptedIndex(sequence)];
        }

        private int AcceptedIndex(long sequence)
        {
            for (int i = 0; i < accepted; i++)
            {
                if (acceptedSequence[i] == sequence)
                {
                    return i;
                }
            }
            return -1;
        }

        private static bool Contains(long[] set, long value)
        {
            return Contains(set, set.Length, value);
        }

        private static bool Contains(long[] set, int count, long value)
        {
            for (int i = 0; i < count; i++)
            {
                if (set[i] == value)
                {
                    return true;
                }
            }
            return false;
        }

        // The first liveCount entries of live that are below limit.
        private static long[] Below(long[] live, int liveCount, long limit)
        {
            int n = 0;
            for (int i = 0; i < liveCount; i++)
            {
                n += live[i] < limit ? 1 : 0;
            }
            var set = new long[n];
            n = 0;
            for (int i = 0; i < liveCount; i++)
            {
                if (live[i] < limit)
                {
                    set[n++] = live[i];
                }
            }
            return set;
        }

        // The members of before that are not among the first liveCount entries of live.
        private static long[] Missing(long[] before, long[] live, int liveCount)
        {
            int n = 0;
            var gone = new long[before.Length];
            for (int i = 0; i < before.Length; i++)
            {
                bool still = false;
                for (int k = 0; k < liveCount; k++)
                {
                    still = still || live[k] == before[i];
                }
                if (!still)
                {
                    gone[n++] = before[i];
                }
            }
            var set = new long[n];
            Array.Copy(gone, set, n);
            return set;
        }

        private static string Join(long[] set)
        {
            string text = string.Empty;
            for (int i = 0; i < set.Length; i++)
            {
                text += (i > 0 ? "," : string.Empty) + set[i].ToString();
            }
            return text;
        }
    }
}
