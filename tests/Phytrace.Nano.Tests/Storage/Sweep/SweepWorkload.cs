using Phytrace.Nano.DeviceTests;
using Phytrace.Nano.Formats;
using Phytrace.Nano.Platform;
using Phytrace.Nano.Storage;
using static Phytrace.Nano.Tests.Storage.BufferKit;

namespace Phytrace.Nano.Tests.Storage.Sweep;

/// <summary>A buffer configuration and random workload of the fault sweep.</summary>
public sealed record SweepConfig(string Name, int RecordSize, int SyncEvery, int CheckpointEvery, int Slots, OverflowPolicy Policy, int SectorSize, int Seed, int Ops)
{
    public int MaxEventSize => MaxForSlots(RecordSize, 2);

    public EdgeBufferOptions Options() => new()
    {
        RecordSize = RecordSize,
        SyncEvery = SyncEvery,
        CheckpointEvery = CheckpointEvery,
        Overflow = Policy,
        MaxEventSize = MaxEventSize,
        SectorSize = SectorSize,
    };

    public int RegionLength => BufferKit.RegionLength(RecordSize, Slots);

    public override string ToString() => $"{Name} (record {RecordSize}, sync every {SyncEvery}, checkpoint every {CheckpointEvery}, {Slots} slots, {Policy}, sector {SectorSize}, seed {Seed})";
}

/// <summary>What the oracle knows about one operation of a recorded workload.</summary>
public sealed class SweepOp
{
    public required int Index { get; init; }

    public required string Kind { get; init; }

    /// <summary>The trace calls [FirstCall, EndCall) it made.</summary>
    public required int FirstCall { get; init; }

    public required int EndCall { get; init; }

    /// <summary>Synced and live before it and still after it: a cut during it must keep them.</summary>
    public required HashSet<long> MustKeep { get; init; }

    /// <summary>Synced and live once it returned (what a quiescent image after it holds).</summary>
    public required HashSet<long> DurableAfter { get; init; }

    /// <summary>Evicted by then but not yet durably (their sync point is still to come): a mount may still hold them.</summary>
    public required HashSet<long> EvictedPending { get; init; }

    public required long NextSequenceBefore { get; init; }

    public required long NextSequenceAfter { get; init; }

    /// <summary>Sequences below this were synced before it started.</summary>
    public required long SyncedBefore { get; init; }
}

/// <summary>
/// Records of everything the sweep's oracle needs across stages (a stage is a workload run; a
/// second stage continues from the image a cut left, after a mount): every accepted record's id
/// and payload, when each consumed record's removal became durable, and the live records a stage
/// starts with.
/// </summary>
public sealed class SweepHistory
{
    public Dictionary<long, (byte[] Id, byte[] Payload)> Accepted { get; } = new();

    /// <summary>Sequence → the operation after which it must never come back (acknowledged, removed, cleared, durably evicted).</summary>
    public Dictionary<long, int> ConsumedAt { get; } = new();

    /// <summary>Records that must never come back at all in this stage (consumed, or not recovered, before it).</summary>
    public HashSet<long> GoneBefore { get; } = new();

    public SweepHistory Clone()
    {
        var copy = new SweepHistory();
        foreach (var (key, value) in Accepted)
        {
            copy.Accepted[key] = value;
        }
        copy.GoneBefore.UnionWith(GoneBefore);
        return copy;
    }

    /// <summary>True if a cut during operation <paramref name="op"/> (or a quiescent image after it, with <paramref name="after"/>) must not show <paramref name="sequence"/>.</summary>
    public bool IsForbidden(long sequence, int op, bool after) =>
        GoneBefore.Contains(sequence) || (ConsumedAt.TryGetValue(sequence, out int at) && (after ? at <= op : at < op));
}

/// <summary>
/// One workload run through a <see cref="TracingMedium"/>, with the oracle's view after every
/// operation. The fault models then build images from <see cref="Trace"/> and check each mount
/// against <see cref="Ops"/> and <see cref="History"/>.
/// </summary>
public sealed class SweepWorkload
{
    private readonly SortedSet<long> live = new();

    private SweepWorkload(SweepConfig config, byte[] initial, SweepHistory history, ManualWallClock clock)
    {
        Config = config;
        Initial = initial;
        History = history;
        Clock = clock;
        Trace = new TracingMedium(new RamMedium(initial));
    }

    public SweepConfig Config { get; }

    public byte[] Initial { get; }

    public SweepHistory History { get; }

    public ManualWallClock Clock { get; }

    public TracingMedium Trace { get; }

    public List<SweepOp> Ops { get; } = new();

    /// <summary>Per trace call: the highest sequence any slot written so far carries (-1 if none).</summary>
    public List<long> MaxSequenceWritten { get; } = new();

    /// <summary>The live records when the run ended.</summary>
    public IReadOnlyCollection<long> LiveAtEnd => live;

    /// <summary>Slots the workload's records took, padding included: it must wrap the ring several times.</summary>
    public long SlotsWritten { get; private set; }

    /// <summary>
    /// Mounts <paramref name="initial"/> (blank, or an image whose live records are
    /// <paramref name="liveAtStart"/> and whose last mount gave <paramref name="nextSequenceAtStart"/>)
    /// as operation 0, then runs <see cref="SweepConfig.Ops"/> random operations.
    /// </summary>
    public static SweepWorkload Record(SweepConfig config, byte[] initial, SweepHistory history, IEnumerable<long> liveAtStart, long nextSequenceAtStart, int seed)
    {
        var run = new SweepWorkload(config, (byte[])initial.Clone(), history, SyncedClock());
        run.live.UnionWith(liveAtStart);
        run.Execute(seed, nextSequenceAtStart);
        return run;
    }

    private void Execute(int seed, long nextSequenceAtStart)
    {
        var options = Config.Options();
        var random = new Random(seed);
        Trace.Operation = 0;
        var buffer = new EdgeBuffer(Trace, options, Clock);
        Assert.Equal(live.Count, buffer.Count);
        Ops.Add(new SweepOp
        {
            Index = 0,
            Kind = "mount",
            FirstCall = 0,
            EndCall = Trace.Count,
            MustKeep = live.ToHashSet(),
            DurableAfter = live.ToHashSet(),
            EvictedPending = [],
            NextSequenceBefore = nextSequenceAtStart,
            NextSequenceAfter = buffer.NextSequence,
            SyncedBefore = nextSequenceAtStart,
        });
        var batch = new BufferedEvents(8, 8 * options.MaxEventSize);
        var pendingEvictions = new List<(List<long> Sequences, long Evictor)>();
        long lastDequeued = -1;
        long n = History.Accepted.Count == 0 ? 0 : History.Accepted.Keys.Max() + 1;
        for (int op = 1; op <= Config.Ops; op++)
        {
            Trace.Operation = op;
            int first = Trace.Count;
            long nextBefore = buffer.NextSequence;
            long syncedBefore = buffer.SyncedThroughSequence;
            var durableBefore = live.Where(s => s < syncedBefore).ToHashSet();
            string kind;
            int roll = random.Next(100);
            if (roll < 58)
            {
                kind = "enqueue";
                int length = random.Next(Config.MaxEventSize + 1);
                long sequence = buffer.NextSequence;
                long dropped = buffer.GetStats().Dropped;
                var id = Id(n + 1000);
                var payload = Payload(n, length);
                n++;
                if (buffer.Enqueue(payload, 0, length, id, 0, Micros(Now), true))
                {
                    History.Accepted[sequence] = (id, payload);
                    long evicted = buffer.GetStats().Dropped - dropped;
                    if (evicted > 0)
                    {
                        var gone = live.Take((int)evicted).ToList();
                        live.ExceptWith(gone);
                        pendingEvictions.Add((gone, sequence));
                    }
                    live.Add(sequence);
                    SlotsWritten += SlotFormat.SlotsFor(length, Config.RecordSize);
                }
                else
                {
                    Assert.Equal(EnqueueFailure.Full, buffer.LastEnqueueFailure);
                }
            }
            else if (roll < 74)
            {
                kind = "dequeue";
                int got = buffer.Dequeue(batch, 1 + random.Next(6));
                var expected = live.Take(got).ToList();
                Assert.Equal(expected, Enumerable.Range(0, got).Select(batch.Sequence));
                if (got > 0)
                {
                    lastDequeued = batch.Sequence(got - 1);
                }
            }
            else if (roll < 86)
            {
                kind = "acknowledge";
                long through = lastDequeued;
                var consumed = live.Where(s => s <= through).ToList();
                Assert.Equal(consumed.Count, buffer.AcknowledgeThrough(through));
                Consume(consumed, op);
            }
            else if (roll < 93)
            {
                kind = "remove";
                if (live.Count > 0)
                {
                    long victim = live.ElementAt(random.Next(live.Count));
                    Assert.Equal(1, buffer.Remove(new[] { UuidText.ToString(History.Accepted[victim].Id, 0) }));
                    Consume(new[] { victim }, op);
                }
            }
            else if (roll < 95)
            {
                kind = "clear";
                buffer.Clear();
                Consume(live.ToList(), op);
            }
            else if (roll < 97)
            {
                kind = "sync";
                Assert.True(buffer.Sync());
            }
            else
            {
                kind = "reopen";
                buffer.Dispose();
                buffer = new EdgeBuffer(Trace, options, Clock);
                Assert.True(buffer.NextSequence >= nextBefore, "a clean reopen never goes back in sequence");
            }
            long synced = buffer.SyncedThroughSequence;
            foreach (var pending in pendingEvictions.Where(p => synced > p.Evictor || kind == "clear").ToList())
            {
                // Durable at the sync point of the group holding the record that needed the room.
                foreach (long s in pending.Sequences)
                {
                    History.ConsumedAt[s] = op;
                }
                pendingEvictions.Remove(pending);
            }
            Assert.Equal(live.Count, buffer.Count);
            var durableAfter = live.Where(s => s < synced).ToHashSet();
            Ops.Add(new SweepOp
            {
                Index = op,
                Kind = kind,
                FirstCall = first,
                EndCall = Trace.Count,
                MustKeep = durableBefore.Where(durableAfter.Contains).ToHashSet(),
                DurableAfter = durableAfter,
                EvictedPending = pendingEvictions.SelectMany(p => p.Sequences).ToHashSet(),
                NextSequenceBefore = nextBefore,
                NextSequenceAfter = buffer.NextSequence,
                SyncedBefore = syncedBefore,
            });
        }
        Trace.Operation = Config.Ops + 1;
        long highest = -1;
        for (int call = 0; call < Trace.Count; call++)
        {
            highest = Math.Max(highest, HighestSequenceIn(Trace[call]));
            MaxSequenceWritten.Add(highest);
        }
    }

    private void Consume(IEnumerable<long> sequences, int op)
    {
        foreach (long s in sequences.ToList())
        {
            live.Remove(s);
            History.ConsumedAt[s] = op;
        }
    }

    /// <summary>The highest sequence in the first slots a write carries (slot writes start on slot boundaries).</summary>
    private long HighestSequenceIn(TracedWrite write)
    {
        if (write.IsFlush || write.Position < Checkpoint.SlotsOffset)
        {
            return -1;
        }
        long highest = -1;
        for (int at = 0; at + SlotFormat.OffsetSequence + 8 <= write.Data.Length; at += Config.RecordSize)
        {
            if (write.Data[at] == SlotFormat.Magic0 && write.Data[at + 1] == SlotFormat.Magic1 && (write.Data[at + SlotFormat.OffsetFlags] & SlotFormat.FlagFirst) != 0)
            {
                highest = Math.Max(highest, BitConverter.ToInt64(write.Data, at + SlotFormat.OffsetSequence));
            }
        }
        return highest;
    }

    /// <summary>The operation that made trace call <paramref name="call"/> (0: the mount that starts the run).</summary>
    public SweepOp OpOf(int call) => Ops[Trace[call].Operation];

    /// <summary>The trace call after the last Flush before <paramref name="call"/> (0 if none).</summary>
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
}
