using CsCheck;
using Phytrace.Nano.Storage;
using static Phytrace.Nano.Tests.Storage.BufferKit;

namespace Phytrace.Nano.Tests.Storage;

/// <summary>
/// Model-based property test: random sequences of enqueue, dequeue, remove, acknowledge, reopen
/// and clear against a plain in-memory queue give the same observable results, across record
/// sizes, sector sizes (with and without padding), region sizes, sync cadences and both overflow
/// policies, many laps of wrap-around deep. The model knows when the buffer reaches a sync point,
/// because a sync point's records fill whole sectors: that decides when the ring is full.
/// </summary>
public class EdgeBufferModelTests
{
    private sealed record Config(int RecordSize, int SectorSize, int Slots, int SyncEvery, int CheckpointEvery, OverflowPolicy Policy)
    {
        public int Align => RingGeometry.AlignmentSlots(RecordSize, SectorSize);

        public int MaxEventSlots => Math.Min(3, Slots - Align);
    }

    private sealed record Op(int Kind, int A, int B);

    private sealed class ModelEvent
    {
        public long Sequence;
        public byte[] Id = [];
        public byte[] Payload = [];
        public int Slots;
        public bool Removed;
    }

    /// <summary>
    /// The model: the ring's entries in order, removed ones included until the tail passes them
    /// (they take room), each group's last entry carrying its sector padding; and the group
    /// waiting for its sync point.
    /// </summary>
    private sealed class Model(Config config, int maxEvent)
    {
        public readonly List<ModelEvent> Ring = new();
        public readonly List<ModelEvent> Pending = new();
        public long NextSequence;
        public long Dropped;
        public int MaxEvent = maxEvent;
        private readonly int groupCapacity = Math.Min(Math.Max(config.SyncEvery, SlotFormat.SlotsFor(maxEvent, config.RecordSize)), config.Slots - config.Align);

        public IEnumerable<ModelEvent> Live => Ring.Concat(Pending).Where(e => !e.Removed);

        private long SyncedBound => Pending.Count > 0 ? Pending[0].Sequence : NextSequence;

        private int PendingSlots => Pending.Sum(e => e.Slots);

        public void Sync()
        {
            if (Pending.Count == 0)
            {
                return;
            }
            Pending[^1].Slots += (int)RingGeometry.AlignUp(PendingSlots, config.Align) - PendingSlots;
            Ring.AddRange(Pending);
            Pending.Clear();
        }

        private void TrimRemoved()
        {
            while (Ring.Count > 0 && Ring[0].Removed)
            {
                Ring.RemoveAt(0);
            }
        }

        private bool Fits(int need) => Ring.Sum(e => e.Slots) + RingGeometry.AlignUp(PendingSlots + need, config.Align) <= config.Slots;

        public bool Enqueue(int length, long n)
        {
            int need = SlotFormat.SlotsFor(length, config.RecordSize);
            if (PendingSlots + need > groupCapacity)
            {
                Sync();
            }
            TrimRemoved();
            while (!Fits(need))
            {
                if (config.Policy == OverflowPolicy.Reject)
                {
                    return false;
                }
                if (!Ring[0].Removed)
                {
                    Dropped++;
                }
                Ring.RemoveAt(0);
            }
            Pending.Add(new ModelEvent { Sequence = NextSequence++, Id = Id(n), Payload = Payload(n, length), Slots = need });
            if (Pending.Count >= config.SyncEvery)
            {
                Sync();
            }
            return true;
        }

        public List<ModelEvent> Dequeue(int max)
        {
            Sync();
            TrimRemoved();
            return Live.Take(max).ToList();
        }

        public int AcknowledgeThrough(long sequence)
        {
            if (sequence >= SyncedBound)
            {
                Sync();
            }
            int count = 0;
            while (Ring.Count > 0 && Ring[0].Sequence <= sequence)
            {
                count += Ring[0].Removed ? 0 : 1;
                Ring.RemoveAt(0);
            }
            return count;
        }

        public int Remove(IEnumerable<byte[]> ids)
        {
            Sync();
            int count = 0;
            foreach (byte[] id in ids)
            {
                var hit = Ring.FirstOrDefault(e => !e.Removed && e.Id.AsSpan().SequenceEqual(id));
                if (hit != null)
                {
                    hit.Removed = true;
                    count++;
                }
            }
            TrimRemoved();
            return count;
        }

        public void Clear()
        {
            Pending.Clear();
            Ring.Clear();
        }
    }

    private static readonly Gen<Config> ConfigGen =
        Gen.Select(Gen.Int[0, 2], Gen.Int[0, 2], Gen.Int[6, 48], Gen.Int[1, 4], Gen.Int[1, 12], Gen.Bool)
            .Select((r, s, slots, sync, cp, drop) =>
            {
                int recordSize = new[] { 64, 128, 256 }[r];
                int sectorSize = new[] { recordSize, 512, 1024 }[s];
                int align = RingGeometry.AlignmentSlots(recordSize, sectorSize);
                int rounded = (int)Math.Max(2 * align, RingGeometry.AlignUp(slots, align));
                return new Config(recordSize, sectorSize, rounded, sync, cp, drop ? OverflowPolicy.DropOldest : OverflowPolicy.Reject);
            });

    private static readonly Gen<Op[]> OpsGen = Gen.Select(Gen.Int[0, 99], Gen.Int[0, 1 << 20], Gen.Int[0, 1 << 20], (k, a, b) => new Op(k, a, b)).Array[1, 400];

    [Fact]
    public void Buffer_behaves_like_a_queue_model()
    {
        int iterations = Environment.GetEnvironmentVariable("PHYTRACE_LONG_TESTS") == "1" ? 3000 : 150;
        Gen.Select(ConfigGen, OpsGen).Sample((config, ops) => Run(config, ops), iter: iterations, threads: 1,
            print: t => $"{t.Item1} ops: {string.Join(" ", t.Item2.Select(o => $"{o.Kind}/{o.A}/{o.B}"))}");
    }

    private static void Run(Config config, Op[] ops)
    {
        int maxEvent = MaxForSlots(config.RecordSize, config.MaxEventSlots);
        var options = Options(config.RecordSize, config.SyncEvery, config.CheckpointEvery, config.Policy, maxEvent, config.SectorSize);
        var medium = new RamMedium(RegionLength(config.RecordSize, config.Slots));
        var clock = SyncedClock();
        var buffer = new EdgeBuffer(medium, options, clock);
        var model = new Model(config, maxEvent);
        var events = new BufferedEvents(64, 64 * maxEvent);
        long n = 0;
        for (int index = 0; index < ops.Length; index++)
        {
            Op op = ops[index];
            try
            {
                Step(op);
            }
            catch (Exception e) when (e is not ModelMismatchException)
            {
                throw new ModelMismatchException($"op {index} ({op}): {e.Message}", e);
            }
        }
        Assert.Equal(model.Live.Select(e => e.Sequence), ReadAll(buffer).Select(e => e.Sequence));
        Assert.Equal(model.NextSequence, buffer.NextSequence);

        void Step(Op op)
        {
            switch (op.Kind)
            {
                case < 45:
                {
                    int length = op.A % (maxEvent + 1);
                    bool expected = model.Enqueue(length, n);
                    bool actual = Put(buffer, n, length);
                    Assert.Equal(expected, actual);
                    n++;
                    break;
                }
                case < 60:
                {
                    int max = 1 + (op.A % 8);
                    buffer.Dequeue(events, max);
                    var expected = model.Dequeue(max);
                    var actual = Items(events);
                    Assert.Equal(expected.Select(e => e.Sequence), actual.Select(e => e.Sequence));
                    for (int i = 0; i < actual.Count; i++)
                    {
                        Assert.Equal(expected[i].Id, actual[i].Id);
                        Assert.Equal(expected[i].Payload, actual[i].Payload);
                    }
                    break;
                }
                case < 72:
                {
                    // Acknowledge through a live sequence (or one past everything).
                    var live = model.Live.ToList();
                    long through = live.Count == 0 ? model.NextSequence : live[op.A % live.Count].Sequence;
                    Assert.Equal(model.AcknowledgeThrough(through), buffer.AcknowledgeThrough(through));
                    break;
                }
                case < 82:
                {
                    var live = model.Live.ToList();
                    var ids = new List<byte[]>();
                    for (int i = 0; i < 1 + (op.B % 3) && live.Count > 0; i++)
                    {
                        ids.Add(live[(op.A + (i * 7)) % live.Count].Id);
                    }
                    ids.Add(Id(-1 - op.A)); // one unknown id
                    ids = ids.DistinctBy(Convert.ToHexString).ToList();
                    Assert.Equal(model.Remove(ids), buffer.Remove(ids.Select(id => Phytrace.Nano.Formats.UuidText.ToString(id, 0)).ToArray()));
                    break;
                }
                case < 90:
                    buffer.Dispose();
                    model.Sync();
                    buffer = new EdgeBuffer(medium, options, clock);
                    Assert.Equal(model.NextSequence, buffer.NextSequence); // a clean close skips no sequence
                    break;
                case < 92:
                    buffer.Clear();
                    model.Clear();
                    break;
                default:
                {
                    var stats = buffer.GetStats();
                    Assert.Equal(model.Live.Count(), stats.Count);
                    break;
                }
            }
            Assert.Equal(model.Live.Count(), buffer.Count);
        }
    }

    private sealed class ModelMismatchException(string message, Exception inner) : Exception(message, inner);
}
