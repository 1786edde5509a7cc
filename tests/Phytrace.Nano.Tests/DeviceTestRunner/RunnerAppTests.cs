using Phytrace.Nano.DeviceTestRunner;

namespace Phytrace.Nano.Tests.DeviceTestRunner;

/// <summary>Without the kit the device suite never passes silently: it says why it skipped, and counts that.</summary>
public class RunnerAppTests
{
    private static (int Status, string[] Lines) Run(params string[] args)
    {
        var output = new StringWriter();
        int status = RunnerApp.Run(args, output);
        return (status, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public void An_absent_kit_is_one_skipped_case_with_the_reason()
    {
        string missing = Path.Combine(Path.GetTempPath(), "no-kit-" + Guid.NewGuid().ToString("N"));

        var (status, lines) = Run("--kit", missing);

        Assert.Equal(0, status);
        Assert.StartsWith($"device suite skipped: no nanoFramework kit at {missing}", lines[0], StringComparison.Ordinal);
        Assert.Equal("0 passed, 0 failed, 1 skipped", lines[^1]);
    }

    [Fact]
    public void With_require_kit_an_absent_kit_fails()
    {
        var (status, lines) = Run("--kit", Path.Combine(Path.GetTempPath(), "no-kit-" + Guid.NewGuid().ToString("N")), "--require-kit");

        Assert.Equal(1, status);
        Assert.StartsWith("device suite cannot run: no nanoFramework kit at", lines[0], StringComparison.Ordinal);
        Assert.Equal("0 passed, 1 failed", lines[^1]);
    }

    [Fact]
    public void An_unknown_mode_is_a_usage_error()
    {
        var (status, lines) = Run("--mode", "fast");

        Assert.Equal(2, status);
        Assert.Contains("--mode must be debug, release or both", lines);
    }
}
