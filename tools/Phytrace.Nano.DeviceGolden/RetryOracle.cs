using System.Text.Json;
using Phytrace.Nano.DeviceTests.Golden;
using Phytrace.Nano.Platform;
using Phytrace.Nano.Reliability;

namespace Phytrace.Nano.DeviceGolden;

/// <summary>
/// RetryPolicySet outputs against the policy's documented rules, computed with .NET's Math.Pow:
/// delay(n) = min(initial * base^n, max) truncated (within 1 ms for floating-point rounding),
/// jittered delays within [delay/2, delay], retry decisions, and ExecuteWithRetry's trace.
/// </summary>
public static class RetryOracle
{
    private static readonly RetryPolicySet Set = new();

    public static string? Check(int index, byte[] output)
    {
        Set.Settings(index, out int maxRetries, out int initialMs, out int maxMs, out double exponentialBase, out bool jitter, out ErrorTypeSet retryable, out XorShiftRandom _);
        using JsonDocument document = JsonDocument.Parse(output);
        JsonElement root = document.RootElement;
        int[] delays = root.GetProperty("delays").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        for (int i = 0; i < RetryPolicySet.Attempts.Length; i++)
        {
            string? wrong = CheckDelay(RetryPolicySet.Attempts[i], delays[i], initialMs, maxMs, exponentialBase, jitter);
            if (wrong != null)
            {
                return wrong;
            }
        }
        int[] shouldRetry = root.GetProperty("should_retry").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        for (int e = 0; e <= 8; e++)
        {
            for (int attempt = 0; attempt <= 13; attempt++)
            {
                bool expected = e != 0 && retryable.Contains((ErrorType)e) && attempt < maxRetries;
                if (((shouldRetry[e] >> attempt) & 1) != (expected ? 1 : 0))
                {
                    return $"ShouldRetry(error {e}, attempt {attempt}) should be {expected}";
                }
            }
        }
        return CheckExecution(root.GetProperty("execute"), maxRetries, initialMs, maxMs, exponentialBase, jitter, retryable);
    }

    private static string? CheckDelay(int attempt, int delay, int initialMs, int maxMs, double exponentialBase, bool jitter)
    {
        double exact = initialMs == 0 ? 0 : initialMs * Math.Pow(exponentialBase, attempt);
        double capped = exact >= maxMs ? maxMs : Math.Floor(exact);
        double low = jitter ? Math.Floor(capped / 2) - 1 : capped - 1;
        return delay >= low && delay <= capped + 1 ? null : $"delay of attempt {attempt} is {delay} ms; expected {(jitter ? $"{Math.Floor(capped / 2)} to " : string.Empty)}{capped}";
    }

    private static string? CheckExecution(JsonElement execute, int maxRetries, int initialMs, int maxMs, double exponentialBase, bool jitter, ErrorTypeSet retryable)
    {
        string[] steps = execute.GetProperty("trace").GetString()!.Split(';', StringSplitOptions.RemoveEmptyEntries);
        int attempt = 0;
        int i = 0;
        while (true)
        {
            int error = int.Parse(steps[i++]["op:".Length..], System.Globalization.CultureInfo.InvariantCulture);
            bool retry = error != 0 && retryable.Contains((ErrorType)error) && attempt < maxRetries;
            if (!retry)
            {
                bool ends = i == steps.Length && execute.GetProperty("attempts").GetInt32() == attempt + 1 && execute.GetProperty("last_error").GetInt32() == error;
                return ends ? null : $"execution should end after attempt {attempt} (error {error})";
            }
            string[] told = steps[i++]["retry:".Length..].Split(',');
            int delay = int.Parse(told[2], System.Globalization.CultureInfo.InvariantCulture);
            if (int.Parse(told[0], System.Globalization.CultureInfo.InvariantCulture) != attempt || int.Parse(told[1], System.Globalization.CultureInfo.InvariantCulture) != error
                || steps[i++] != $"sleep:{delay}")
            {
                return $"retry {attempt} is announced or slept wrongly: {string.Join(';', steps)}";
            }
            string? wrong = CheckDelay(attempt, delay, initialMs, maxMs, exponentialBase, jitter);
            if (wrong != null)
            {
                return "ExecuteWithRetry: " + wrong;
            }
            attempt++;
        }
    }
}
