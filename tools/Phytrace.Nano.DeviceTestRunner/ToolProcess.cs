using System.Diagnostics;
using System.Text;

namespace Phytrace.Nano.DeviceTestRunner;

/// <summary>What a finished tool printed (stdout and stderr interleaved as lines arrived) and its exit status.</summary>
public sealed record ToolResult(int ExitCode, string Output, TimeSpan Elapsed, bool TimedOut);

/// <summary>Runs one external command and collects its output.</summary>
public static class ToolProcess
{
    public static ToolResult Run(string fileName, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        var output = new StringBuilder();
        var clock = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        DataReceivedEventHandler collect = (_, e) =>
        {
            if (e.Data != null)
            {
                lock (output)
                {
                    output.Append(e.Data).Append('\n');
                }
            }
        };
        process.OutputDataReceived += collect;
        process.ErrorDataReceived += collect;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        bool exited = process.WaitForExit(timeout);
        if (!exited)
        {
            process.Kill(entireProcessTree: true);
        }
        process.WaitForExit();
        lock (output)
        {
            return new ToolResult(exited ? process.ExitCode : 124, output.ToString(), clock.Elapsed, !exited);
        }
    }
}
