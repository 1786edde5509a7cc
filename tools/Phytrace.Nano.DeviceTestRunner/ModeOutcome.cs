namespace Phytrace.Nano.DeviceTestRunner;

/// <summary>
/// The result of one compile mode: the launcher's lines held against the cases the assembly
/// declares. A declared case the launcher never reported is a failure (the launcher stopped: an
/// unhandled exception ends a nanoCLR thread silently, a crash or the time limit), and so is a
/// line no declaration accounts for. Cases of a class whose [Setup] skipped are skipped.
/// </summary>
public sealed class ModeOutcome
{
    private readonly List<string> failures = new();
    private readonly List<string> skips = new();

    public int Passed { get; private set; }

    public int Failed => failures.Count;

    public int Skipped => skips.Count;

    /// <summary>One entry per failed case: its name and why.</summary>
    public IReadOnlyList<string> Failures => failures;

    /// <summary>One entry per skipped case: its name and why.</summary>
    public IReadOnlyList<string> Skips => skips;

    /// <summary>The mode failed before any test could run (compile, conversion, no tests declared).</summary>
    public static ModeOutcome Broken(string why)
    {
        var outcome = new ModeOutcome();
        outcome.failures.Add(why);
        return outcome;
    }

    public static ModeOutcome Reconcile(TestAssemblyModel model, IReadOnlyList<LauncherLine> lines, int launcherExitCode, bool timedOut)
    {
        var outcome = new ModeOutcome();
        foreach (string problem in model.Problems)
        {
            outcome.failures.Add(problem);
        }
        if (model.Cases.Count == 0)
        {
            outcome.failures.Add("the test assembly declares no test case ([TestClass] with public [TestMethod], [DataRow], [Setup] or [Cleanup] methods)");
        }

        var pending = new Dictionary<string, Queue<ExpectedCase>>(StringComparer.Ordinal);
        foreach (ExpectedCase expected in model.Cases)
        {
            if (!pending.TryGetValue(expected.Name, out Queue<ExpectedCase>? queue))
            {
                pending[expected.Name] = queue = new Queue<ExpectedCase>();
            }
            queue.Enqueue(expected);
        }

        var classesWithSkippedSetup = new HashSet<string>(StringComparer.Ordinal);
        foreach (LauncherLine line in lines)
        {
            if (!pending.TryGetValue(line.Name, out Queue<ExpectedCase>? queue) || queue.Count == 0)
            {
                outcome.failures.Add($"{line.Name}: reported as {line.Outcome.ToString().ToLowerInvariant()} but the assembly declares no such case (or declares fewer)");
                continue;
            }
            ExpectedCase expected = queue.Dequeue();
            switch (line.Outcome)
            {
                case CaseOutcome.Passed:
                    outcome.Passed++;
                    break;
                case CaseOutcome.Failed:
                    outcome.failures.Add($"{line.Name}: {line.Detail}");
                    break;
                default:
                    outcome.skips.Add($"{line.Name}: {line.Detail}");
                    if (expected.Kind == CaseKind.Setup)
                    {
                        classesWithSkippedSetup.Add(expected.TestClass);
                    }
                    break;
            }
        }

        int missing = 0;
        foreach (Queue<ExpectedCase> queue in pending.Values)
        {
            foreach (ExpectedCase expected in queue)
            {
                if (classesWithSkippedSetup.Contains(expected.TestClass))
                {
                    outcome.skips.Add($"{expected.Name}: not run because the [Setup] of {expected.TestClass} skipped");
                }
                else
                {
                    missing++;
                    outcome.failures.Add($"{expected.Name}: never reported ({WhyMissing(launcherExitCode, timedOut)})");
                }
            }
        }
        if (missing == 0 && outcome.Failed == 0 && (launcherExitCode != 0 || timedOut))
        {
            outcome.failures.Add($"the launcher exited with status {launcherExitCode} although every case passed");
        }
        return outcome;
    }

    private static string WhyMissing(int exitCode, bool timedOut)
    {
        if (timedOut || exitCode == 124)
        {
            return "the run reached its time limit";
        }
        if (exitCode > 128)
        {
            return $"nanoCLR crashed with status {exitCode}";
        }
        return "the launcher stopped early: an unhandled exception ends a nanoCLR thread silently";
    }
}
