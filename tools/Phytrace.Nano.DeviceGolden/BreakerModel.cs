using System.Globalization;
using System.Text;
using Phytrace.Nano.DeviceTests.Golden;
using Phytrace.Nano.Platform;

namespace Phytrace.Nano.DeviceGolden;

/// <summary>
/// The circuit breaker as its documentation states it, written again here to check the walks of
/// <see cref="CircuitBreakerSet"/> on .NET: Closed opens after the threshold of failures in a row
/// (a success resets the count); Open admits a probe once the recovery timeout has passed since
/// the last failure and turns HalfOpen; HalfOpen admits at most N probes (a slot held until its
/// outcome, released after a whole timeout without probe activity), closes after N successes and
/// reopens on any failure; a clock that goes back restarts the period it was measuring.
/// </summary>
public sealed class BreakerModel
{
    private enum State { Closed, Open, HalfOpen }

    private readonly int threshold;
    private readonly int timeoutMs;
    private readonly int halfOpen;
    private State state = State.Closed;
    private int consecutive;
    private long openSince;
    private int probes;
    private int probeSuccesses;
    private long lastProbe;
    private long allowed, rejected, successes, failures, opened, closed;
    private readonly StringBuilder events = new();

    public long Now;

    private BreakerModel(int threshold, double recoverySec, int halfOpen, long start)
    {
        this.threshold = threshold;
        timeoutMs = (int)((recoverySec * 1000.0) + 0.5);
        this.halfOpen = halfOpen;
        Now = start;
    }

    /// <summary>The trace the walk of item <paramref name="index"/> must produce.</summary>
    public static string Trace(int index)
    {
        XorShiftRandom r = new CircuitBreakerSet().Settings(index, out int threshold, out double recoverySec, out int halfOpen, out long start);
        var model = new BreakerModel(threshold, recoverySec, halfOpen, start);
        var text = new StringBuilder($"timeout {model.timeoutMs}\n");
        for (int step = 0; step < CircuitBreakerSet.Steps; step++)
        {
            int kind = CircuitBreakerSet.NextStep(r, model.timeoutMs, out long argument);
            string result = "-";
            switch (kind)
            {
                case 0: result = model.Allow() ? "allowed" : "rejected"; break;
                case 1: model.Success(); break;
                case 2: model.Failure(); break;
                case 3: model.Now += argument; break;
                case 4: result = model.Execute((int)argument); break;
                case 5: model.Reset(); break;
                case 6: model.Now -= argument; break;
                default: model.Now = model.Now > int.MaxValue - 10000 ? int.MinValue : int.MaxValue - 5; break;
            }
            string name = Name(model.state);
            int untilHalfOpen = model.MsUntilHalfOpen();
            long nextProbeIn = model.MsUntilHalfOpen();
            text.Append(CultureInfo.InvariantCulture, $"{CircuitBreakerSet.StepName(kind)} {argument} {result} | {name} {untilHalfOpen} {nextProbeIn} | {name} {model.consecutive} ")
                .Append(CultureInfo.InvariantCulture, $"{model.allowed} {model.rejected} {model.successes} {model.failures} {model.opened} {model.closed} |{model.events}\n");
            model.events.Clear();
        }
        return text.ToString();
    }

    private static string Name(State state) => state switch { State.Closed => "closed", State.Open => "open", _ => "half_open" };

    // Elapsed time since an anchor; a negative difference moves the anchor to now.
    private long Since(ref long anchor)
    {
        long elapsed = unchecked(Now - anchor);
        if (elapsed < 0)
        {
            anchor = Now;
            return 0;
        }
        return elapsed;
    }

    private void Enter(State next)
    {
        events.Append(CultureInfo.InvariantCulture, $" {Name(state)}>{Name(next)}");
        state = next;
        probes = 0;
        probeSuccesses = 0;
        switch (next)
        {
            case State.Open: openSince = Now; opened++; break;
            case State.Closed: consecutive = 0; closed++; break;
            default: lastProbe = Now; break;
        }
    }

    private bool Allow()
    {
        bool ok = AllowUncounted();
        if (ok)
        {
            allowed++;
        }
        else
        {
            rejected++;
        }
        return ok;
    }

    private bool AllowUncounted()
    {
        if (state == State.Closed)
        {
            return true;
        }
        if (state == State.Open)
        {
            if (Since(ref openSince) < timeoutMs)
            {
                return false;
            }
            Enter(State.HalfOpen);
        }
        if (probes + probeSuccesses >= halfOpen)
        {
            if (probes == 0 || Since(ref lastProbe) < timeoutMs)
            {
                return false;
            }
            probes = 0;
        }
        probes++;
        lastProbe = Now;
        return true;
    }

    private void Success()
    {
        successes++;
        if (state == State.Closed)
        {
            consecutive = 0;
        }
        else if (state == State.HalfOpen)
        {
            probes = Math.Max(0, probes - 1);
            probeSuccesses++;
            lastProbe = Now;
            if (probeSuccesses >= halfOpen)
            {
                Enter(State.Closed);
            }
        }
    }

    private void Failure()
    {
        failures++;
        if (state == State.Closed)
        {
            consecutive++;
            if (consecutive >= threshold)
            {
                Enter(State.Open);
            }
        }
        else if (state == State.HalfOpen)
        {
            Enter(State.Open);
        }
        else
        {
            openSince = Now;
        }
    }

    private void Reset()
    {
        if (state != State.Closed)
        {
            Enter(State.Closed);
        }
        consecutive = 0;
    }

    private string Execute(int outcome)
    {
        if (!Allow())
        {
            return $"open {MsUntilHalfOpen()}";
        }
        if (outcome == 0)
        {
            Success();
            return "returned 0";
        }
        Failure();
        return outcome == 1 ? "returned 2" : "threw";
    }

    private int MsUntilHalfOpen()
    {
        if (state != State.Open)
        {
            return 0;
        }
        long elapsed = Since(ref openSince);
        return elapsed >= timeoutMs ? 0 : (int)(timeoutMs - elapsed);
    }
}
