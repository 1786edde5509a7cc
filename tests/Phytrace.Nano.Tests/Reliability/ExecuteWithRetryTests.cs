using CsCheck;
using Phytrace.Nano.Platform;
using Phytrace.Nano.Reliability;

namespace Phytrace.Nano.Tests.Reliability;

public class ExecuteWithRetryTests
{
    /// <summary>An operation that reports the given results in turn (the last one repeats) and counts its calls.</summary>
    private sealed class ScriptedOperation(params ErrorType[] results)
    {
        public int Calls { get; private set; }

        public ErrorType Run() => results[Math.Min(Calls++, results.Length - 1)];
    }

    private sealed record Retry(int Attempt, ErrorType Error, int DelayMs);

    [Theory]
    [InlineData(ErrorType.AuthFailure)]
    [InlineData(ErrorType.InvalidData)]
    [InlineData(ErrorType.PayloadTooLarge)]
    [InlineData(ErrorType.Unknown)]
    public void Non_retryable_error_gives_up_at_once(ErrorType error)
    {
        var op = new ScriptedOperation(error);
        var retries = new List<Retry>();
        var slept = new List<int>();

        RetryOutcome outcome = TestPolicies.NoJitter().ExecuteWithRetry(op.Run, (a, e, d) => retries.Add(new Retry(a, e, d)), slept.Add);

        Assert.False(outcome.Succeeded);
        Assert.Equal(error, outcome.LastError);
        Assert.Equal(1, outcome.Attempts);
        Assert.Equal(1, op.Calls);
        Assert.Empty(retries);
        Assert.Empty(slept);
    }

    [Theory]
    [InlineData(ErrorType.NetworkError)]
    [InlineData(ErrorType.Timeout)]
    [InlineData(ErrorType.ServerError)]
    [InlineData(ErrorType.RateLimited)]
    public void Retryable_error_is_retried_max_retries_times_and_on_retry_sees_each(ErrorType error)
    {
        var op = new ScriptedOperation(error);
        var retries = new List<Retry>();
        var slept = new List<int>();

        RetryOutcome outcome = TestPolicies.NoJitter().ExecuteWithRetry(op.Run, (a, e, d) => retries.Add(new Retry(a, e, d)), slept.Add);

        Assert.Equal(error, outcome.LastError);
        Assert.Equal(6, outcome.Attempts);
        Assert.Equal(6, op.Calls);
        Assert.Equal(
            [new Retry(0, error, 100), new Retry(1, error, 200), new Retry(2, error, 400), new Retry(3, error, 800), new Retry(4, error, 1600)],
            retries);
        Assert.Equal([100, 200, 400, 800, 1600], slept);
    }

    [Fact]
    public void Success_after_failures_stops_retrying()
    {
        var op = new ScriptedOperation(ErrorType.Timeout, ErrorType.ServerError, ErrorType.None, ErrorType.Timeout);
        var retries = new List<Retry>();

        RetryOutcome outcome = TestPolicies.NoJitter().ExecuteWithRetry(op.Run, (a, e, d) => retries.Add(new Retry(a, e, d)), _ => { });

        Assert.True(outcome.Succeeded);
        Assert.Equal(3, outcome.Attempts);
        Assert.Equal([new Retry(0, ErrorType.Timeout, 100), new Retry(1, ErrorType.ServerError, 200)], retries);
    }

    [Fact]
    public void A_non_retryable_error_after_retryable_ones_ends_the_run()
    {
        var op = new ScriptedOperation(ErrorType.Timeout, ErrorType.AuthFailure, ErrorType.None);
        RetryOutcome outcome = TestPolicies.NoJitter().ExecuteWithRetry(op.Run, null, _ => { });
        Assert.Equal(ErrorType.AuthFailure, outcome.LastError);
        Assert.Equal(2, op.Calls);
    }

    [Fact]
    public void Any_failure_sequence_makes_exactly_the_calls_should_retry_allows()
    {
        var errors = Gen.Enum<ErrorType>().Where(e => e != ErrorType.None).Array[1, 10];
        Gen.Select(errors, Gen.Int[0, 8]).Sample((script, maxRetries) =>
        {
            var policy = TestPolicies.NoJitter(maxRetries);
            var op = new ScriptedOperation(script);
            int onRetryCalls = 0;
            RetryOutcome outcome = policy.ExecuteWithRetry(op.Run, (a, e, d) => { Assert.Equal(onRetryCalls++, a); }, _ => { });

            // Walk the script by the seed's rule: retry while the error is retryable and fewer than maxRetries retries were made.
            int expectedCalls = 1;
            while (expectedCalls - 1 < maxRetries && ErrorTypeSet.SeedRetryable.Contains(script[Math.Min(expectedCalls - 1, script.Length - 1)]))
            {
                expectedCalls++;
            }
            Assert.Equal(expectedCalls, op.Calls);
            Assert.Equal(expectedCalls, outcome.Attempts);
            Assert.Equal(expectedCalls - 1, onRetryCalls);
        }, iter: 500);
    }

    [Fact]
    public void Exceptions_from_the_operation_propagate_without_retry()
    {
        int calls = 0;
        Assert.Throws<InvalidOperationException>(() =>
            TestPolicies.NoJitter().ExecuteWithRetry(() => { calls++; throw new InvalidOperationException("bug"); }, null, _ => { }));
        Assert.Equal(1, calls);
    }

    [Fact]
    public void Custom_retryable_set_and_zero_retries_are_honoured()
    {
        var onlyAuth = new RetryPolicy(2, 1, 1, 2.0, false, ErrorTypeSet.Empty.With(ErrorType.AuthFailure), null);
        Assert.Equal(3, onlyAuth.ExecuteWithRetry(new ScriptedOperation(ErrorType.AuthFailure).Run, null, _ => { }).Attempts);
        Assert.Equal(1, onlyAuth.ExecuteWithRetry(new ScriptedOperation(ErrorType.Timeout).Run, null, _ => { }).Attempts);
        Assert.Equal(1, TestPolicies.NoJitter(maxRetries: 0).ExecuteWithRetry(new ScriptedOperation(ErrorType.Timeout).Run, null, _ => { }).Attempts);
    }

    [Fact]
    public void Default_form_sleeps_with_the_thread_and_retries()
    {
        var tiny = new RetryPolicy(2, 1, 2, 2.0, true, ErrorTypeSet.SeedRetryable, new XorShiftRandom(5));
        var op = new ScriptedOperation(ErrorType.Timeout, ErrorType.Timeout, ErrorType.None);
        RetryOutcome outcome = tiny.ExecuteWithRetry(op.Run, null);
        Assert.True(outcome.Succeeded);
        Assert.Equal(3, outcome.Attempts);
    }

    [Fact]
    public void Null_operation_is_refused_by_name()
    {
        var e = Assert.Throws<ArgumentNullException>(() => TestPolicies.NoJitter().ExecuteWithRetry(null!, null));
        Assert.Equal("operation", e.ParamName);
    }
}
