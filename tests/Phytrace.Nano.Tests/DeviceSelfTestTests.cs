using Phytrace.Nano.DeviceTests;

namespace Phytrace.Nano.Tests;

/// <summary>
/// Runs the nano-compatible device self-test program on .NET: every check it makes on the
/// emulator or a board must also pass here.
/// </summary>
public class DeviceSelfTestTests
{
    private readonly ITestOutputHelper output;

    public DeviceSelfTestTests(ITestOutputHelper output) => this.output = output;

    [Fact]
    public void Every_device_check_passes_on_dotnet()
    {
        var lines = new List<string>();
        var runner = new CheckRunner(line => { lines.Add(line); output.WriteLine(line); });

        AllChecks.Run(runner);

        Assert.True(runner.Passed > 0, "the device self-test ran no check");
        Assert.True(runner.Failed == 0, string.Join("\n", lines.Where(l => l.StartsWith("FAIL", StringComparison.Ordinal))));
    }

    [Fact]
    public void A_failing_check_is_counted_and_named()
    {
        var lines = new List<string>();
        var runner = new CheckRunner(lines.Add);
        runner.BeginSuite("Demo");
        runner.Run("Fails", delegate { DeviceTests.Expect.Equal(1, 2, "one is two"); });
        runner.Run("Passes", delegate { DeviceTests.Expect.True(true, "true"); });

        Assert.Equal(1, runner.Failed);
        Assert.Equal(1, runner.Passed);
        Assert.Equal("FAIL Demo.Fails: one is two: expected 1, got 2", lines[0]);
        Assert.Equal("1 passed, 1 failed", runner.Summary());
    }
}
