using Phytrace.Nano.Events;
using Phytrace.Nano.Formats;
using Phytrace.Nano.Platform;
using Phytrace.Nano.Reliability;

namespace Phytrace.Nano.DeviceTests.Golden
{
    /// <summary>
    /// RetryPolicy and RetrySchedule: random policies (retries, delays, bases from 1 to 10, jitter
    /// from a seeded XorShiftRandom, retryable sets), each giving its delays for attempts 0-24 and
    /// far beyond, ShouldRetry for every error type and attempt, a scripted ExecuteWithRetry (the
    /// retries it announces and the sleeps it asks for) and a RetrySchedule on a manual clock.
    /// On .NET the tool checks the delays against Math.Pow and the jitter bounds, and the retry
    /// decisions against the policy's rules.
    /// </summary>
    public sealed class RetryPolicySet : IGoldenSet
    {
        public const int Items = 40;
        private const int Seed = 53;
        private static readonly double[] Bases = { 1.0, 1.5, 2.0, 2.5, 3.0, 1.0001, 10.0, 1.7, 2.0, 1.25 };
        private static readonly int[] Initials = { 0, 1, 7, 100, 250, 1000, 100, 3 };

        /// <summary>The attempts whose delays every item lists.</summary>
        public static readonly int[] Attempts =
        {
            0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 30, 31, 32, 62, 63, 1000, int.MaxValue,
        };

        public string Name
        {
            get { return "retry"; }
        }

        public int Count
        {
            get { return Items; }
        }

        /// <summary>Item <paramref name="index"/>'s settings; <paramref name="random"/> is its jitter source and script.</summary>
        public void Settings(int index, out int maxRetries, out int initialMs, out int maxMs, out double exponentialBase, out bool jitter, out ErrorTypeSet retryable, out XorShiftRandom random)
        {
            random = GoldenInputs.ForItem(Seed, index);
            maxRetries = random.NextInt(13);
            initialMs = Initials[random.NextInt(Initials.Length)];
            maxMs = initialMs + random.NextInt(random.NextInt(2) == 0 ? 40000 : 3600000);
            exponentialBase = Bases[index % Bases.Length];
            jitter = index % 4 != 0;
            retryable = ErrorTypeSet.Empty;
            for (int e = 1; e <= 8; e++)
            {
                if (random.NextInt(3) != 0)
                {
                    retryable = retryable.With((ErrorType)e);
                }
            }
        }

        public int Produce(int index, byte[] output)
        {
            int maxRetries;
            int initialMs;
            int maxMs;
            double exponentialBase;
            bool jitter;
            ErrorTypeSet retryable;
            XorShiftRandom random;
            Settings(index, out maxRetries, out initialMs, out maxMs, out exponentialBase, out jitter, out retryable, out random);
            var policy = new RetryPolicy(maxRetries, initialMs, maxMs, exponentialBase, jitter, retryable, random);
            var w = new JsonWriter();
            w.Reset(output, 0, output.Length);
            w.WriteStartObject();
            w.WriteStartArray("delays");
            for (int i = 0; i < Attempts.Length; i++)
            {
                w.WriteNumberValue(policy.GetDelayMs(Attempts[i]));
            }
            w.WriteEndArray();
            w.WriteStartArray("should_retry");
            for (int e = 0; e <= 8; e++)
            {
                int bits = 0;
                for (int attempt = 0; attempt <= 13; attempt++)
                {
                    bits |= policy.ShouldRetry((ErrorType)e, attempt) ? 1 << attempt : 0;
                }
                w.WriteNumberValue(bits);
            }
            w.WriteEndArray();
            WriteExecution(w, policy, random);
            WriteSchedule(w, policy, random);
            w.WriteEndObject();
            return w.Length;
        }

        public string Describe(int index)
        {
            int maxRetries;
            int initialMs;
            int maxMs;
            double exponentialBase;
            bool jitter;
            ErrorTypeSet retryable;
            XorShiftRandom random;
            Settings(index, out maxRetries, out initialMs, out maxMs, out exponentialBase, out jitter, out retryable, out random);
            return "retry policy #" + index.ToString() + " (max_retries " + maxRetries.ToString() + ", initial " + initialMs.ToString() + " ms, max " + maxMs.ToString()
                + " ms, base #" + (index % Bases.Length).ToString() + ", jitter " + (jitter ? "on" : "off") + ", retryable mask " + retryable.Mask.ToString() + ")";
        }

        /// <summary>The errors the scripted operation returns, attempt by attempt (None ends it).</summary>
        public static ErrorType ScriptedError(XorShiftRandom random)
        {
            int roll = random.NextInt(20);
            return roll == 0 ? ErrorType.None : (ErrorType)(1 + (roll % 8));
        }

        private static void WriteExecution(JsonWriter w, RetryPolicy policy, XorShiftRandom random)
        {
            var trace = new ExecutionTrace(random);
            RetryOutcome outcome = policy.ExecuteWithRetry(trace.Operation, trace.OnRetry, trace.Sleep);
            w.WriteStartObject("execute");
            w.WriteNumber("attempts", outcome.Attempts);
            w.WriteNumber("last_error", (int)outcome.LastError);
            w.WriteBool("succeeded", outcome.Succeeded);
            w.WriteString("trace", trace.Text);
            w.WriteEndObject();
        }

        private static void WriteSchedule(JsonWriter w, RetryPolicy policy, XorShiftRandom random)
        {
            var clock = new ManualTickClock(1000 + random.NextInt(100000));
            var schedule = new RetrySchedule(policy, clock);
            w.WriteStartArray("schedule");
            for (int step = 0; step < 16; step++)
            {
                int roll = random.NextInt(10);
                if (roll == 0)
                {
                    schedule.RecordSuccess();
                }
                else
                {
                    bool scheduled = schedule.RecordFailure((ErrorType)(roll % 9));
                    w.WriteBoolValue(scheduled);
                }
                w.WriteNumberValue(schedule.FailedAttempts);
                w.WriteBoolValue(schedule.HasGivenUp);
                w.WriteNumberValue(schedule.DueAtMs);
                w.WriteNumberValue(schedule.MsUntilDue);
                w.WriteBoolValue(schedule.IsDue);
                clock.Advance(random.NextInt(2000));
                w.WriteBoolValue(schedule.IsDue);
            }
            w.WriteEndArray();
        }

        /// <summary>The scripted operation of ExecuteWithRetry and what it was told.</summary>
        private sealed class ExecutionTrace
        {
            private readonly XorShiftRandom random;
            public string Text = string.Empty;

            public ExecutionTrace(XorShiftRandom random)
            {
                this.random = random;
            }

            public ErrorType Operation()
            {
                ErrorType error = ScriptedError(random);
                Text += "op:" + ((int)error).ToString() + ";";
                return error;
            }

            public void OnRetry(int attempt, ErrorType error, int delayMs)
            {
                Text += "retry:" + attempt.ToString() + "," + ((int)error).ToString() + "," + delayMs.ToString() + ";";
            }

            public void Sleep(int milliseconds)
            {
                Text += "sleep:" + milliseconds.ToString() + ";";
            }
        }
    }
}
