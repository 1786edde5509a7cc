using Phytrace.Nano.Host;
using Phytrace.Nano.Platform;
using Phytrace.Nano.Reliability;
using Polly;
using Polly.CircuitBreaker;

namespace Phytrace.Nano.Benchmarks;

/// <summary>
/// The circuit breaker's allow-and-record cycle against Polly 8's circuit breaker doing the same
/// work (closed and passing, alternating success and failure without tripping, rejecting while
/// open), with bytes allocated per cycle; and the back-off delay against a Math.Pow computation.
/// </summary>
public sealed class ReliabilityBenchmark : IBenchmark
{
    public string Name => "reliability";

    public string Description => "CircuitBreaker allow+record cycle vs Polly 8 circuit breaker (ops/s, bytes/cycle); RetryPolicy.GetDelayMs vs Math.Pow back-off";

    public ResultTable Run(bool quick)
    {
        var table = new ResultTable("reliability", "Polly 8 / Math.Pow");
        int n = quick ? 20_000 : 1_000_000;
        int warmup = quick ? 1_000 : 20_000;
        AddBreakerRows(table, n, warmup);
        AddDelayRows(table, n, warmup);
        return table;
    }

    private static void AddBreakerRows(ResultTable table, int n, int warmup)
    {
        // Same thresholds on both sides; neither trips in the closed cases (Polly would need a failure
        // ratio of 1.0 over 5 calls, ours 5 failures in a row, and failures alternate with successes).
        var ours = new CircuitBreaker(SystemTickClock.Instance);
        ResiliencePipeline polly = PollyPipeline(minimumThroughput: 5, failureRatio: 1.0);
        ResiliencePipeline<ErrorType> pollyTyped = PollyTypedPipeline();

        Action oursCycle = () =>
        {
            if (ours.AllowRequest())
            {
                ours.RecordSuccess();
            }
        };
        Action pollyCycle = () => polly.Execute(static () => { });
        AddPair(table, "closed: allow + success", oursCycle, pollyCycle, n, warmup, "higher is better (Polly: Execute of an empty action)");

        ReliableOperation succeed = static () => ErrorType.None;
        Action oursExecute = () => ours.Execute(succeed);
        AddPair(table, "closed: Execute(op)", oursExecute, pollyCycle, n, warmup, "higher is better");

        // Failures reported as return codes on both sides (Polly: ShouldHandle on the result), no exceptions.
        int flip = 0;
        ReliableOperation alternate = () => (flip++ & 1) == 0 ? ErrorType.None : ErrorType.Timeout;
        Action oursMixed = () => ours.Execute(alternate);
        var counter = new Counter();
        Action pollyMixed = () => pollyTyped.Execute(static state => (state.Next() & 1) == 0 ? ErrorType.None : ErrorType.Timeout, counter);
        AddPair(table, "closed: alternate success/failure", oursMixed, pollyMixed, n, warmup, "higher is better");

        // Open: our AllowRequest says false; Polly's Execute throws BrokenCircuitException.
        var open = new CircuitBreaker(SystemTickClock.Instance);
        for (int i = 0; i < 5; i++)
        {
            open.RecordFailure();
        }
        ResiliencePipeline pollyOpen = PollyPipeline(minimumThroughput: 2, failureRatio: 0.5);
        for (int i = 0; i < 2; i++)
        {
            try
            {
                pollyOpen.Execute(static () => throw new TimeoutException());
            }
            catch (TimeoutException)
            {
            }
        }
        Action oursRejected = () => open.AllowRequest();
        Action pollyRejected = () =>
        {
            try
            {
                pollyOpen.Execute(static () => { });
            }
            catch (BrokenCircuitException)
            {
            }
        };
        int rejections = Math.Max(1000, n / 20);
        AddPair(table, "open: rejected request", oursRejected, pollyRejected, rejections, Math.Min(warmup, 1000), "higher is better (Polly throws)");
    }

    private static void AddDelayRows(ResultTable table, int n, int warmup)
    {
        var plain = new RetryPolicy(5, 100, 30000, 2.0, false, ErrorTypeSet.SeedRetryable, null);
        var jittered = new RetryPolicy(new XorShiftRandom(1));
        var random = new Random(1);
        int attempt = 0;
        int sink = 0;

        Action oursPlain = () => sink += plain.GetDelayMs(attempt++ & 15);
        Action powPlain = () => sink += PowDelay(attempt++ & 15);
        AddPair(table, "GetDelay, no jitter", oursPlain, powPlain, n, warmup, "higher is better (baseline: min(100*Math.Pow(2,n), 30000))");

        Action oursJitter = () => sink += jittered.GetDelayMs(attempt++ & 15);
        Action powJitter = () =>
        {
            int d = PowDelay(attempt++ & 15);
            sink += (d / 2) + random.Next(d - (d / 2) + 1);
        };
        AddPair(table, "GetDelay, equal jitter", oursJitter, powJitter, n, warmup, "higher is better (baseline adds System.Random)");
        GC.KeepAlive(sink);
    }

    private static int PowDelay(int attempt) => (int)Math.Min(100 * Math.Pow(2.0, attempt), 30000);

    private static void AddPair(ResultTable table, string caseName, Action ours, Action baseline, int n, int warmup, string goal)
    {
        // Best of three alternating rounds: the machine is shared, and a single round mostly measures its neighbours.
        double bestOurs = 0, bestBaseline = 0;
        for (int round = 0; round < 3; round++)
        {
            bestOurs = Math.Max(bestOurs, Measure.OpsPerSecond(ours, n, warmup));
            bestBaseline = Math.Max(bestBaseline, Measure.OpsPerSecond(baseline, n, warmup));
        }
        table.Add(caseName, "ops/s", bestOurs, bestBaseline, goal);
        int allocN = Math.Min(n, 100_000);
        table.Add(caseName, "bytes allocated/op", Measure.AllocatedBytesPerCall(ours, allocN, 100), Measure.AllocatedBytesPerCall(baseline, allocN, 100), "0");
    }

    private static ResiliencePipeline PollyPipeline(int minimumThroughput, double failureRatio) =>
        new ResiliencePipelineBuilder()
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = failureRatio,
                MinimumThroughput = minimumThroughput,
                SamplingDuration = TimeSpan.FromSeconds(60),
                BreakDuration = TimeSpan.FromSeconds(60),
            })
            .Build();

    private static ResiliencePipeline<ErrorType> PollyTypedPipeline() =>
        new ResiliencePipelineBuilder<ErrorType>()
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<ErrorType>
            {
                FailureRatio = 1.0,
                MinimumThroughput = 5,
                SamplingDuration = TimeSpan.FromSeconds(60),
                BreakDuration = TimeSpan.FromSeconds(60),
                ShouldHandle = static args => ValueTask.FromResult(args.Outcome.Result != ErrorType.None),
            })
            .Build();

    /// <summary>State for Polly's static callback, so the baseline needs no closure either.</summary>
    private sealed class Counter
    {
        private int value;

        public int Next() => value++;
    }
}
