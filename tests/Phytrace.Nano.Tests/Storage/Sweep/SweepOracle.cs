using Phytrace.Nano.Storage;
using static Phytrace.Nano.Tests.Storage.BufferKit;

namespace Phytrace.Nano.Tests.Storage.Sweep;

/// <summary>What one mounted fault image gave: the records drained, in order, and the counters.</summary>
public sealed record SweepVerdict(List<long> Delivered, long CountAtMount, long Corrupt, long NextSequence);

/// <summary>
/// Mounts a fault image, drains it, and checks the goals: the mount never fails; no
/// synced record is lost; nothing acknowledged, removed, cleared or durably evicted comes back;
/// records come back in order, byte-identical, and only ones that were accepted; NextSequence is
/// above every sequence ever written and never below what the application saw before; Count is
/// exact; the buffer keeps working. Throws with the whole story when one fails.
/// </summary>
public static class SweepOracle
{
    /// <summary>A cut during trace call <paramref name="call"/>; <paramref name="prefix"/>: the prefix model, whose group lands as a whole prefix or not at all.</summary>
    public static SweepVerdict CheckCut(SweepWorkload run, int call, IStorageMedium image, string model, bool prefix)
    {
        SweepOp op = run.OpOf(call);
        SweepVerdict verdict = MountAndDrain(run, image, () => Describe(run, model, call, op));
        var got = verdict.Delivered.ToHashSet();
        Expect(op.MustKeep.All(got.Contains), run, model, call, op, verdict, "synced records lost: " + Join(op.MustKeep.Where(s => !got.Contains(s))));
        Expect(verdict.Delivered.All(s => !run.History.IsForbidden(s, op.Index, after: false)), run, model, call, op, verdict,
            "consumed records came back: " + Join(verdict.Delivered.Where(s => run.History.IsForbidden(s, op.Index, after: false))));
        Expect(verdict.NextSequence > run.MaxSequenceWritten[call], run, model, call, op, verdict,
            $"NextSequence {verdict.NextSequence} is not above sequence {run.MaxSequenceWritten[call]}, written before the cut");
        Expect(verdict.NextSequence >= op.NextSequenceBefore, run, model, call, op, verdict,
            $"NextSequence went back from {op.NextSequenceBefore} to {verdict.NextSequence}");
        Expect(verdict.CountAtMount == verdict.Delivered.Count, run, model, call, op, verdict,
            $"Count after mount {verdict.CountAtMount}, delivered {verdict.Delivered.Count}");
        if (prefix)
        {
            // The group in flight landed as a whole prefix: below the newest record of it that came
            // back, each came back too, unless this very operation consumed it.
            var fromGroup = verdict.Delivered.Where(s => s >= op.SyncedBefore).ToList();
            if (fromGroup.Count > 0)
            {
                for (long s = op.SyncedBefore; s < fromGroup.Max(); s++)
                {
                    bool consumedByOp = run.History.ConsumedAt.TryGetValue(s, out int at) && at == op.Index;
                    Expect(got.Contains(s) || consumedByOp || !run.History.Accepted.ContainsKey(s), run, model, call, op, verdict,
                        $"record {s} is missing below record {fromGroup.Max()} of the group being written");
                }
            }
        }
        return verdict;
    }

    /// <summary>
    /// The quiescent image after operation <paramref name="opIndex"/> with one bit flipped in the
    /// checked bytes of record <paramref name="hit"/> (-1: in no record the image holds: live, or
    /// evicted but not yet durably).
    /// </summary>
    public static SweepVerdict CheckRot(SweepWorkload run, int opIndex, IStorageMedium image, long position, int bit, long hit)
    {
        SweepOp op = run.Ops[opIndex];
        int lastCall = op.EndCall - 1;
        string model = $"bit rot at byte {position} bit {bit} (hits record {hit})";
        SweepVerdict verdict = MountAndDrain(run, image, () => Describe(run, model, lastCall, op));
        var got = verdict.Delivered.ToHashSet();
        var lost = op.DurableAfter.Where(s => !got.Contains(s)).ToList();
        Expect(lost.All(s => s == hit), run, model, lastCall, op, verdict, "records lost besides the one hit: " + Join(lost));
        Expect(verdict.Delivered.All(s => !run.History.IsForbidden(s, op.Index, after: true)), run, model, lastCall, op, verdict,
            "consumed records came back: " + Join(verdict.Delivered.Where(s => run.History.IsForbidden(s, op.Index, after: true))));
        Expect(lost.Count <= verdict.Corrupt && verdict.Corrupt <= 1, run, model, lastCall, op, verdict,
            $"one flip lost {lost.Count} records and counted {verdict.Corrupt} corrupt");
        Expect(verdict.NextSequence >= op.NextSequenceAfter && (lastCall < 0 || verdict.NextSequence > run.MaxSequenceWritten[lastCall]), run, model, lastCall, op, verdict,
            $"NextSequence {verdict.NextSequence} below {op.NextSequenceAfter}");
        // Count is exact, except that a record the flip damaged counts until a read reaches it.
        int damaged = hit >= 0 ? 1 : 0;
        Expect(verdict.CountAtMount >= verdict.Delivered.Count && verdict.CountAtMount <= verdict.Delivered.Count + damaged, run, model, lastCall, op, verdict,
            $"Count after mount {verdict.CountAtMount}, delivered {verdict.Delivered.Count}, the flip damaged {damaged}");
        return verdict;
    }

    private static SweepVerdict MountAndDrain(SweepWorkload run, IStorageMedium image, Func<string> story)
    {
        var options = run.Config.Options();
        EdgeBuffer buffer;
        try
        {
            buffer = new EdgeBuffer(image, options, run.Clock);
        }
        catch (Exception e)
        {
            throw new SweepFailure($"mount failed ({e.GetType().Name}: {e.Message}); {story()}", e);
        }
        long next = buffer.NextSequence;
        long count = buffer.Count;
        var delivered = new List<long>();
        var batch = new BufferedEvents(16, 16 * options.MaxEventSize);
        var id = new byte[16];
        for (int round = 0; round < run.Config.Slots + 8; round++) // at most one event per slot
        {
            int n = buffer.Dequeue(batch, 16);
            if (n == 0)
            {
                break;
            }
            for (int i = 0; i < n; i++)
            {
                long sequence = batch.Sequence(i);
                if (delivered.Count > 0 && sequence <= delivered[^1])
                {
                    throw new SweepFailure($"FIFO broken: {sequence} after {delivered[^1]}; {story()}");
                }
                if (!run.History.Accepted.TryGetValue(sequence, out var record))
                {
                    throw new SweepFailure($"record {sequence} was never accepted; {story()}");
                }
                batch.CopyEventId(i, id, 0);
                if (!id.AsSpan().SequenceEqual(record.Id) || !batch.Payload.AsSpan(batch.PayloadOffset(i), batch.PayloadLength(i)).SequenceEqual(record.Payload))
                {
                    throw new SweepFailure($"record {sequence} came back with other bytes; {story()}");
                }
                delivered.Add(sequence);
            }
            buffer.AcknowledgeThrough(batch.Sequence(n - 1));
        }
        if (buffer.Count != 0)
        {
            throw new SweepFailure($"drained buffer still counts {buffer.Count}; {story()}");
        }
        long corrupt = buffer.GetStats().Corrupt;
        if (!Put(buffer, 9_999_999, 10) || buffer.Dequeue(batch, 4) != 1 || batch.Sequence(0) != next)
        {
            throw new SweepFailure($"the mounted buffer does not take a new record as sequence {next}; {story()}");
        }
        return new SweepVerdict(delivered, count, corrupt, next);
    }

    private static void Expect(bool condition, SweepWorkload run, string model, int call, SweepOp op, SweepVerdict verdict, string what)
    {
        if (!condition)
        {
            throw new SweepFailure($"{what}; got [{Join(verdict.Delivered)}]; {Describe(run, model, call, op)}");
        }
    }

    private static string Describe(SweepWorkload run, string model, int call, SweepOp op)
    {
        string writes = string.Join(", ", Enumerable.Range(op.FirstCall, op.EndCall - op.FirstCall)
            .Select(k => run.Trace[k].IsFlush ? $"#{k}: flush" : $"#{k}: {run.Trace[k].Data.Length} B at {run.Trace[k].Position}"));
        return $"{model}, call {call} of {run.Config}; op {op.Index} ({op.Kind}: {writes}); must keep [{Join(op.MustKeep)}], durable after [{Join(op.DurableAfter)}]";
    }

    private static string Join(IEnumerable<long> values) => string.Join(",", values.Order());
}

/// <summary>A fault image that broke a promise.</summary>
public sealed class SweepFailure(string message, Exception? inner = null) : Exception(message, inner);
