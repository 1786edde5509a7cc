using Phytrace.Nano.Host.Mqtt;
using Phytrace.Nano.Simulator;
using Spectre.Console.Testing;

namespace Phytrace.Nano.Tests.Simulator;

public class SimulatorOptionsTests
{
    private static (int Code, string Output) Run(params string[] args)
    {
        var console = new TestConsole();
        console.Profile.Width = 300;
        int code = SimulatorApp.Run(args, console);
        return (code, console.Output);
    }

    [Theory]
    [InlineData(new[] { "--nodes", "0" }, "--nodes 0: expected 1 to 50 nodes")]
    [InlineData(new[] { "--nodes", "51" }, "--nodes 51: expected 1 to 50 nodes")]
    [InlineData(new[] { "--broker", "http://x" }, "--broker: broker URL 'http://x' has scheme 'http'; expected mqtt:// (or tcp://) for plain MQTT, mqtts:// (or ssl://) for MQTT over TLS")]
    [InlineData(new[] { "--broker", "mqtt://x", "--ca-file", "ca.pem" }, "--ca-file needs a TLS broker URL (mqtts://x:8883); mqtt://x:1883 is plain MQTT")]
    [InlineData(new[] { "--ca-file", "ca.pem" }, "--ca-file needs --broker mqtts://host[:port]; the embedded broker speaks plain MQTT")]
    [InlineData(new[] { "--broker", "mqtts://x", "--cert-file", "c.pem" }, "--cert-file needs --key-file: mutual TLS takes the client certificate and its key")]
    [InlineData(new[] { "--broker", "mqtts://x", "--ca-file", "/nonexistent/ca.pem" }, "CA file '/nonexistent/ca.pem' cannot be read")]
    [InlineData(new[] { "--rate", "0" }, "--rate 0: expected more than 0")]
    [InlineData(new[] { "--seconds", "0.5" }, "--seconds 0.5: expected 1 to 3600 seconds")]
    public void A_bad_option_value_is_named_with_what_was_expected(string[] args, string expected)
    {
        var (code, output) = Run(args);

        Assert.Equal(SimulatorApp.UsageError, code);
        Assert.Contains(expected, output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--rate", "fast", "fast")]
    [InlineData("--scenario", "windy", "windy")]
    [InlineData("--bogus", "1", "--bogus")]
    public void An_unparsable_argument_is_reported_before_anything_runs(string option, string value, string named)
    {
        var (code, output) = Run(option, value);

        Assert.Equal(SimulatorApp.UsageError, code);
        Assert.Contains("error:", output, StringComparison.Ordinal);
        Assert.Contains(named, output, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var options = new SimulationOptions { Nodes = 0, Rate = -1, Broker = "http://x", OutputDirectory = " " };

        IReadOnlyList<string> problems = options.Validate();

        Assert.Equal(4, problems.Count);
    }

    [Fact]
    public void A_broker_that_does_not_answer_is_a_clear_error()
    {
        int port = FreePort.Find();
        string outDir = Path.Combine(Path.GetTempPath(), "phytrace-sim-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (code, output) = Run("--broker", $"mqtt://127.0.0.1:{port}", "--seconds", "2", "--out", outDir);

            Assert.Equal(SimulatorApp.UsageError, code);
            Assert.Contains($"broker 127.0.0.1:{port} did not answer", output, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(outDir))
            {
                Directory.Delete(outDir, recursive: true);
            }
        }
    }
}
