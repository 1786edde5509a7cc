using System.Text.RegularExpressions;

namespace Phytrace.Nano.DeviceTestRunner;

public enum CaseOutcome
{
    Passed,
    Failed,
    Skipped,
}

/// <summary>
/// One result line of UnitTestLauncher 3.0.77: "Test passed|failed|skipped,Type.Method.N,detail".
/// A failure message may run over several lines; the lines up to the next result belong to it.
/// </summary>
public sealed partial record LauncherLine(CaseOutcome Outcome, string Name, string Detail)
{
    [GeneratedRegex("^Test (passed|failed|skipped),([^,]+),(.*)$")]
    private static partial Regex ResultLine();

    /// <summary>Every result line of <paramref name="output"/>, in order, with multi-line details joined.</summary>
    public static IReadOnlyList<LauncherLine> Parse(string output)
    {
        var lines = new List<LauncherLine>();
        LauncherLine? open = null;
        foreach (string raw in output.Split('\n'))
        {
            string line = raw.TrimEnd('\r');
            Match match = ResultLine().Match(line);
            if (match.Success)
            {
                if (open != null)
                {
                    lines.Add(open);
                }
                CaseOutcome outcome = match.Groups[1].Value switch
                {
                    "passed" => CaseOutcome.Passed,
                    "failed" => CaseOutcome.Failed,
                    _ => CaseOutcome.Skipped,
                };
                open = new LauncherLine(outcome, match.Groups[2].Value, match.Groups[3].Value);
            }
            else if (open is { Outcome: CaseOutcome.Failed } && !IsRunnerLine(line))
            {
                open = open with { Detail = open.Detail + "\n" + line };
            }
            else if (open != null)
            {
                lines.Add(open);
                open = null;
            }
        }
        if (open != null)
        {
            lines.Add(open);
        }
        return lines;
    }

    // Lines of the host or the kit scripts that end the launcher's output, never part of a message.
    private static bool IsRunnerLine(string line)
        => line is "Done." or "Exiting." || line.StartsWith("nano-", StringComparison.Ordinal)
           || Regex.IsMatch(line, @"^\d+ passed, \d+ failed");
}
