using nanoFramework.TestFramework;
using Phytrace.Nano.Formats;
using Phytrace.Nano.Platform;
using Phytrace.Nano.Storage;

namespace Phytrace.Nano.DeviceTests.Storage
{
    /// <summary>
    /// One model-based run: random operations (enqueue, dequeue, acknowledge, remove, reopen, clear,
    /// stats) drawn from a seeded portable PRNG, each applied to an EdgeBuffer on a RAM medium and to
    /// a <see cref="QueueModel"/>, with every observable result compared: what Dequeue returns (order,
    /// ids, payloads, times), what Acknowledge and Remove count, Count after every step, the stats
    /// counters, sequences that only grow (also across reopening). Failures name the seed and the step.
    /// </summary>
    public sealed class BufferModelRun
    {
        private readonly int seed;
        private readonly EdgeBufferOptions options;
        private readonly RamMedium medium;
        private readonly ManualWallClock clock = StorageRig.SyncedClock();
        private readonly QueueModel model = new QueueModel(1024);
        private readonly XorShiftRandom random;
        private readonly BufferStats stats = new BufferStats();
        private readonly BufferedEvents events;
        private EdgeBuffer buffer;
        private long nextNumber;
        private string step = "open";

        // What the counters should have moved by since the buffer was opened.
        private long enqueued;
        private long consumed;
        private long dropped;
        private long rejected;
        private BufferStats atOpen = new BufferStats();

        /// <summary>Bytes accepted in all, to show the run went round the ring several times.</summary>
        public long BytesAccepted;

        /// <summary>Operations of each kind that had an effect, for the run's summary.</summary>
        public int Refusals;
        public int Evictions;
        public int Reopens;

        public BufferModelRun(int seed, int recordSize, int slots, int syncEvery, int checkpointEvery, bool dropOldest)
        {
            this.seed = seed;
            random = new XorShiftRandom((ulong)seed);
            // Events of up to about three records: most span several slots.
            options = StorageRig.Options(recordSize, (3 * recordSize) - 40, syncEvery, checkpointEvery, dropOldest ? OverflowPolicy.DropOldest : OverflowPolicy.Reject);
            medium = new RamMedium(StorageRig.RegionLength(recordSize, slots));
            events = new BufferedEvents(8, 8 * options.MaxEventSize);
            buffer = Open();
        }

        /// <summary>Capacity of the ring in bytes, as the buffer reports it.</summary>
        public long CapacityBytes
        {
            get
            {
                buffer.GetStats(stats);
                return stats.CapacityBytes;
            }
        }

        public void Run(int operations)
        {
            for (int op = 0; op < operations; op++)
            {
                int kind = random.NextInt(100);
                step = "seed " + seed.ToString() + ", step " + op.ToString();
                if (kind < 45)
                {
                    Enqueue(random.NextInt(options.MaxEventSize + 1));
                }
                else if (kind < 60)
                {
                    Dequeue(1 + random.NextInt(8));
                }
                else if (kind < 72)
                {
                    Acknowledge();
                }
                else if (kind < 82)
                {
                    Remove(1 + random.NextInt(3));
                }
                else if (kind < 90)
                {
                    Reopen();
                }
                else if (kind < 92)
                {
                    step += " (clear)";
                    buffer.Clear();
                    model.Clear();
                }
                else
                {
                    CheckStats();
                }
                Assert.AreEqual((long)model.Live, buffer.Count, step + ": Count");
            }
            step = "seed " + seed.ToString() + ", at the end";
            CheckEverything();
            Reopen();
            CheckEverything();
            buffer.Dispose();
        }

        private void Enqueue(int length)
        {
            step += " (enqueue " + length.ToString() + " bytes)";
            long sequence = buffer.NextSequence;
            Assert.IsTrue(sequence > model.LastSequence, step + ": NextSequence " + sequence.ToString() + " is above every sequence given before (" + model.LastSequence.ToString() + ")");
            buffer.GetStats(stats);
            long droppedBefore = stats.Dropped;
            long rejectedBefore = stats.Rejected;
            long n = nextNumber++;
            bool accepted = StorageRig.Put(buffer, n, length);
            buffer.GetStats(stats);
            if (accepted)
            {
                int evicted = (int)(stats.Dropped - droppedBefore);
                Assert.IsTrue(evicted >= 0 && evicted <= model.Live, step + ": dropped " + evicted.ToString() + " of " + model.Live.ToString());
                if (options.Overflow == OverflowPolicy.Reject)
                {
                    Assert.AreEqual(0, evicted, step + ": the Reject policy never drops");
                }
                if (evicted > 0)
                {
                    Evictions++;
                }
                model.DropOldest(evicted);
                dropped += evicted;
                model.Add(n, length, sequence);
                enqueued++;
                BytesAccepted += length;
                Assert.IsTrue(buffer.NextSequence > sequence, step + ": NextSequence moves past an accepted event's");
            }
            else
            {
                Assert.IsTrue(options.Overflow == OverflowPolicy.Reject, step + ": DropOldest refused an event (" + FailureName(buffer.LastEnqueueFailure) + ")");
                Assert.IsTrue(buffer.LastEnqueueFailure == EnqueueFailure.Full, step + ": refused as Full, not " + FailureName(buffer.LastEnqueueFailure));
                Assert.IsTrue(stats.Count > 0 || stats.BytesUsed > 0, step + ": an empty buffer refused an event");
                Assert.AreEqual(rejectedBefore + 1, stats.Rejected, step + ": Rejected counts the refusal");
                rejected++;
                Refusals++;
            }
        }

        private void Dequeue(int max)
        {
            step += " (dequeue " + max.ToString() + ")";
            int got = buffer.Dequeue(events, max);
            int expected = model.Live < max ? model.Live : max;
            Assert.AreEqual(expected, got, step + ": events dequeued");
            for (int i = 0; i < got; i++)
            {
                int entry = model.LiveEntry(i);
                Assert.AreEqual(model.Sequence(entry), events.Sequence(i), step + ": sequence of dequeued event " + i.ToString());
                StorageRig.AssertIsEvent(events, i, model.Number(entry), model.Length(entry), step);
            }
        }

        private void Acknowledge()
        {
            long through;
            if (model.Live == 0)
            {
                through = model.LastSequence;
            }
            else
            {
                through = model.Sequence(model.LiveEntry(random.NextInt(model.Live)));
            }
            step += " (acknowledge through " + through.ToString() + ")";
            int expected = model.AcknowledgeThrough(through);
            Assert.AreEqual(expected, buffer.AcknowledgeThrough(through), step + ": events acknowledged");
            consumed += expected;
        }

        private void Remove(int wanted)
        {
            int known = model.Live < wanted ? model.Live : wanted;
            var ids = new string[known + 1];
            var id = new byte[16];
            var numbers = new long[known];
            int distinct = 0;
            for (int i = 0; i < known; i++)
            {
                long n = model.Number(model.LiveEntry(random.NextInt(model.Live)));
                bool seen = false;
                for (int k = 0; k < distinct; k++)
                {
                    seen = seen || numbers[k] == n;
                }
                if (seen)
                {
                    continue;
                }
                numbers[distinct] = n;
                StorageRig.Id(n, id, 0);
                ids[distinct] = UuidText.ToString(id, 0);
                distinct++;
            }
            StorageRig.Id(nextNumber + 1000000, id, 0); // never enqueued
            ids[distinct] = UuidText.ToString(id, 0);
            var exact = new string[distinct + 1];
            System.Array.Copy(ids, exact, distinct + 1);
            step += " (remove " + distinct.ToString() + " live ids and one unknown)";
            int expected = 0;
            for (int i = 0; i < distinct; i++)
            {
                expected += model.Remove(numbers[i]) ? 1 : 0;
            }
            Assert.AreEqual(expected, buffer.Remove(exact), step + ": events removed");
            consumed += expected;
        }

        private void Reopen()
        {
            step += " (reopen)";
            long next = buffer.NextSequence;
            buffer.Dispose();
            buffer = Open();
            Reopens++;
            Assert.IsTrue(buffer.NextSequence >= next, step + ": NextSequence went back from " + next.ToString() + " to " + buffer.NextSequence.ToString());
        }

        private void CheckStats()
        {
            step += " (stats)";
            buffer.GetStats(stats);
            Assert.AreEqual((long)model.Live, stats.Count, step + ": stats Count");
            Assert.AreEqual(enqueued, stats.Enqueued - atOpen.Enqueued, step + ": Enqueued since open");
            Assert.AreEqual(consumed, stats.Removed - atOpen.Removed, step + ": Removed (acknowledged or removed) since open");
            Assert.AreEqual(dropped, stats.Dropped - atOpen.Dropped, step + ": Dropped since open");
            Assert.AreEqual(rejected, stats.Rejected - atOpen.Rejected, step + ": Rejected since open");
            Assert.AreEqual(0L, stats.Corrupt, step + ": nothing corrupt on a healthy medium");
            Assert.IsTrue(stats.BytesUsed <= stats.CapacityBytes, step + ": BytesUsed within capacity");
        }

        private void CheckEverything()
        {
            BufferedEvents all = StorageRig.RoomForAll(buffer);
            int got = buffer.Dequeue(all, all.Capacity);
            Assert.AreEqual(model.Live, got, step + ": live events");
            for (int i = 0; i < got; i++)
            {
                int entry = model.LiveEntry(i);
                Assert.AreEqual(model.Sequence(entry), all.Sequence(i), step + ": sequence of event " + i.ToString());
                StorageRig.AssertIsEvent(all, i, model.Number(entry), model.Length(entry), step);
            }
        }

        private EdgeBuffer Open()
        {
            var opened = new EdgeBuffer(medium, options, clock);
            atOpen = opened.GetStats();
            enqueued = 0;
            consumed = 0;
            dropped = 0;
            rejected = 0;
            return opened;
        }

        private static string FailureName(EnqueueFailure failure)
        {
            switch (failure)
            {
                case EnqueueFailure.None: return "None";
                case EnqueueFailure.Full: return "Full";
                case EnqueueFailure.MediumError: return "MediumError";
                case EnqueueFailure.Closed: return "Closed";
                default: return "EnqueueFailure " + ((int)failure).ToString();
            }
        }
    }
}
