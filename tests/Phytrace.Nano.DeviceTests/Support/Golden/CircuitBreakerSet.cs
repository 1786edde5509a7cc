using System;
using Phytrace.Nano.Platform;
using Phytrace.Nano.Reliability;

namespace Phytrace.Nano.DeviceTests.Golden
{
    /// <summary>
    /// Random walks of a CircuitBreaker on a manual clock: thresholds, recovery timeouts (0 to
    /// 120 s, fractional seconds) and probe counts vary; each step is AllowRequest, RecordSuccess,
    /// RecordFailure, Execute (succeeding, failing or throwing), Reset, time passing, or the clock
    /// stepping back or wrapping at 32 bits. The output is one line per step: what the step
    /// returned, the state, MsUntilHalfOpen, NextProbeAtMs, every counter and the StateChanged
    /// events it raised. On .NET the tool replays every walk on a model written from the breaker's
    /// documented rules and requires the same lines.
    /// </summary>
    public sealed class CircuitBreakerSet : IGoldenSet
    {
        public const int Items = 48;
        public const int Steps = 80;
        private const int Seed = 61;

        public string Name
        {
            get { return "breaker"; }
        }

        public int Count
        {
            get { return Items; }
        }

        /// <summary>Item <paramref name="index"/>'s settings, start tick and random source of its steps.</summary>
        public XorShiftRandom Settings(int index, out int threshold, out double recoverySec, out int halfOpen, out long startMs)
        {
            XorShiftRandom r = GoldenInputs.ForItem(Seed, index);
            threshold = 1 + r.NextInt(6);
            int choice = r.NextInt(6);
            recoverySec = choice == 0 ? 0 : (choice == 1 ? 0.25 : (choice == 2 ? 1.5 : 1 + r.NextInt(120)));
            halfOpen = 1 + r.NextInt(4);
            startMs = r.NextInt(3) == 0 ? int.MaxValue - (long)r.NextInt(100000) : r.NextInt(1000000);
            return r;
        }

        /// <summary>The next step: its kind (see <see cref="StepName"/>) and argument.</summary>
        public static int NextStep(XorShiftRandom r, int timeoutMs, out long argument)
        {
            int roll = r.NextInt(100);
            argument = 0;
            if (roll < 30)
            {
                return 0;
            }
            if (roll < 44)
            {
                return 1;
            }
            if (roll < 64)
            {
                return 2;
            }
            if (roll < 80)
            {
                argument = r.NextInt((timeoutMs * 3 / 2) + 3);
                return 3;
            }
            if (roll < 88)
            {
                argument = r.NextInt(3);
                return 4;
            }
            if (roll < 91)
            {
                return 5;
            }
            if (roll < 96)
            {
                argument = 1 + r.NextInt(5000);
                return 6;
            }
            return 7;
        }

        public static string StepName(int kind)
        {
            switch (kind)
            {
                case 0: return "allow";
                case 1: return "success";
                case 2: return "failure";
                case 3: return "advance";
                case 4: return "execute";
                case 5: return "reset";
                case 6: return "back";
                default: return "wrap";
            }
        }

        public int Produce(int index, byte[] output)
        {
            int threshold;
            double recoverySec;
            int halfOpen;
            long startMs;
            XorShiftRandom r = Settings(index, out threshold, out recoverySec, out halfOpen, out startMs);
            var clock = new ManualTickClock(startMs);
            var breaker = new CircuitBreaker(threshold, recoverySec, halfOpen, clock);
            var events = new EventLog();
            breaker.StateChanged += events.Changed;
            string text = "timeout " + breaker.RecoveryTimeoutMs.ToString() + "\n";
            for (int step = 0; step < Steps; step++)
            {
                long argument;
                int kind = NextStep(r, breaker.RecoveryTimeoutMs, out argument);
                string result = "-";
                switch (kind)
                {
                    case 0: result = breaker.AllowRequest() ? "allowed" : "rejected"; break;
                    case 1: breaker.RecordSuccess(); break;
                    case 2: breaker.RecordFailure(); break;
                    case 3: clock.Advance(argument); break;
                    case 4: result = Execute(breaker, (int)argument); break;
                    case 5: breaker.Reset(); break;
                    case 6: clock.Set(clock.NowMs - argument); break;
                    default: clock.Set(clock.NowMs > int.MaxValue - 10000 ? int.MinValue : int.MaxValue - 5); break;
                }
                CircuitBreakerStats s = breaker.Stats;
                text += StepName(kind) + " " + argument.ToString() + " " + result + " | " + State(breaker.State) + " " + breaker.MsUntilHalfOpen.ToString() + " "
                    + (breaker.NextProbeAtMs - clock.NowMs).ToString() + " | " + State(s.State) + " " + s.ConsecutiveFailures.ToString() + " " + s.Allowed.ToString() + " "
                    + s.Rejected.ToString() + " " + s.Successes.ToString() + " " + s.Failures.ToString() + " " + s.TimesOpened.ToString() + " " + s.TimesClosed.ToString()
                    + " |" + events.Take() + "\n";
            }
            return GoldenInputs.Ascii(text, output);
        }

        public string Describe(int index)
        {
            int threshold;
            double recoverySec;
            int halfOpen;
            long startMs;
            Settings(index, out threshold, out recoverySec, out halfOpen, out startMs);
            return "breaker walk #" + index.ToString() + " (threshold " + threshold.ToString() + ", half-open probes " + halfOpen.ToString() + ", start tick " + startMs.ToString() + ")";
        }

        public static string State(CircuitState state)
        {
            return CircuitStateNames.Of(state);
        }

        // Execute with an operation that succeeds (0), fails with a timeout (1) or throws (2).
        private static string Execute(CircuitBreaker breaker, int outcome)
        {
            try
            {
                ErrorType error;
                if (outcome == 0)
                {
                    error = breaker.Execute(Succeeds);
                }
                else if (outcome == 1)
                {
                    error = breaker.Execute(TimesOut);
                }
                else
                {
                    error = breaker.Execute(Throws);
                }
                return "returned " + ((int)error).ToString();
            }
            catch (CircuitOpenException e)
            {
                return "open " + e.MsUntilHalfOpen.ToString();
            }
            catch (InvalidOperationException)
            {
                return "threw";
            }
        }

        private static ErrorType Succeeds()
        {
            return ErrorType.None;
        }

        private static ErrorType TimesOut()
        {
            return ErrorType.Timeout;
        }

        private static ErrorType Throws()
        {
            throw new InvalidOperationException("operation failed");
        }

        /// <summary>The StateChanged events raised since the last Take.</summary>
        private sealed class EventLog
        {
            private string text = string.Empty;

            public void Changed(CircuitState from, CircuitState to)
            {
                text += " " + State(from) + ">" + State(to);
            }

            public string Take()
            {
                string taken = text;
                text = string.Empty;
                return taken;
            }
        }
    }
}
