using Phytrace.Nano.DeviceTestRunner;

namespace Phytrace.Nano.Tests.DeviceTestRunner;

/// <summary>
/// A device run is judged against the cases the assembly declares, not only on what the launcher
/// printed: nanoCLR ends a thread silently on an unhandled exception, so a launcher that stopped
/// early prints fewer lines, all of them green.
/// </summary>
public class ModeOutcomeTests
{
    private static TestAssemblyModel ModelOf(params ExpectedCase[] cases) => new(cases, Array.Empty<string>());

    private static readonly ExpectedCase Setup = new("P.A", "P.A.Init.0", CaseKind.Setup);
    private static readonly ExpectedCase First = new("P.A", "P.A.First.0", CaseKind.Test);
    private static readonly ExpectedCase Second = new("P.A", "P.A.Second.0", CaseKind.Test);
    private static readonly ExpectedCase Other = new("P.B", "P.B.Other.0", CaseKind.Test);

    [Fact]
    public void Parses_result_lines_and_joins_a_multi_line_failure_message()
    {
        const string output = """
            Ready.
            Test passed,P.A.First.0,14
            some text a test printed
            Test failed,P.A.Second.0,Assert.AreEqual failed. Expected:<a
            b>. Actual:<c>. message, with a comma
            Test skipped,P.B.Other.0,not on POSIX
            Done.
            Exiting.
            1 passed, 1 failed, 1 skipped
            """;

        IReadOnlyList<LauncherLine> lines = LauncherLine.Parse(output);

        Assert.Equal(3, lines.Count);
        Assert.Equal(new LauncherLine(CaseOutcome.Passed, "P.A.First.0", "14"), lines[0]);
        Assert.Equal(new LauncherLine(CaseOutcome.Failed, "P.A.Second.0", "Assert.AreEqual failed. Expected:<a\nb>. Actual:<c>. message, with a comma"), lines[1]);
        Assert.Equal(CaseOutcome.Skipped, lines[2].Outcome);
    }

    [Fact]
    public void Every_declared_case_reported_passes()
    {
        var outcome = ModeOutcome.Reconcile(ModelOf(First, Second), LauncherLine.Parse("Test passed,P.A.First.0,1\nTest passed,P.A.Second.0,1\n"), 0, false);

        Assert.Equal((2, 0, 0), (outcome.Passed, outcome.Failed, outcome.Skipped));
    }

    [Fact]
    public void A_launcher_that_stopped_early_fails_every_case_it_never_reported()
    {
        // What nano-test alone reports here is "1 passed, 0 failed" with exit status 0.
        var outcome = ModeOutcome.Reconcile(ModelOf(First, Second, Other), LauncherLine.Parse("Test passed,P.A.First.0,1\nDone.\n"), 0, false);

        Assert.Equal(1, outcome.Passed);
        Assert.Equal(2, outcome.Failed);
        Assert.Contains(outcome.Failures, f => f.StartsWith("P.A.Second.0: never reported (the launcher stopped early", StringComparison.Ordinal));
        Assert.Contains(outcome.Failures, f => f.StartsWith("P.B.Other.0: never reported", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(124, false, "the run reached its time limit")]
    [InlineData(1, true, "the run reached its time limit")]
    [InlineData(139, false, "nanoCLR crashed with status 139")]
    public void Missing_cases_say_why_the_run_ended(int status, bool timedOut, string why)
    {
        var outcome = ModeOutcome.Reconcile(ModelOf(First), LauncherLine.Parse(string.Empty), status, timedOut);

        Assert.Equal("P.A.First.0: never reported (" + why + ")", Assert.Single(outcome.Failures));
    }

    [Fact]
    public void A_line_no_declaration_accounts_for_is_a_failure()
    {
        var outcome = ModeOutcome.Reconcile(ModelOf(First), LauncherLine.Parse("Test passed,P.A.First.0,1\nTest passed,P.A.First.0,1\n"), 0, false);

        Assert.Equal(1, outcome.Passed);
        Assert.StartsWith("P.A.First.0: reported as passed but the assembly declares no such case", Assert.Single(outcome.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public void A_skipped_setup_skips_its_class_and_only_its_class()
    {
        // The launcher runs nothing else of a class whose [Setup] called Assert.SkipTest.
        var outcome = ModeOutcome.Reconcile(ModelOf(Setup, First, Other), LauncherLine.Parse("Test skipped,P.A.Init.0,no SD card\nTest passed,P.B.Other.0,1\n"), 0, false);

        Assert.Equal((1, 0, 2), (outcome.Passed, outcome.Failed, outcome.Skipped));
        Assert.Contains("P.A.First.0: not run because the [Setup] of P.A skipped", outcome.Skips);
    }

    [Fact]
    public void A_failing_exit_status_with_every_case_green_is_a_failure()
    {
        var outcome = ModeOutcome.Reconcile(ModelOf(First), LauncherLine.Parse("Test passed,P.A.First.0,1\n"), 139, false);

        Assert.Equal("the launcher exited with status 139 although every case passed", Assert.Single(outcome.Failures));
    }

    [Fact]
    public void No_declared_case_at_all_is_a_failure()
    {
        var outcome = ModeOutcome.Reconcile(ModelOf(), LauncherLine.Parse(string.Empty), 1, false);

        Assert.Contains(outcome.Failures, f => f.StartsWith("the test assembly declares no test case", StringComparison.Ordinal));
    }

    [Fact]
    public void Declarations_that_would_never_run_fail_the_mode()
    {
        var model = new TestAssemblyModel(new[] { First }, new[] { "P.A.Hidden is a test but not public" });
        var outcome = ModeOutcome.Reconcile(model, LauncherLine.Parse("Test passed,P.A.First.0,1\n"), 0, false);

        Assert.Equal("P.A.Hidden is a test but not public", Assert.Single(outcome.Failures));
    }
}
