using System.CommandLine;
using System.Diagnostics;
using System.Globalization;

namespace Phytrace.Nano.DeviceTestRunner;

/// <summary>
/// device-tests: runs the device test suites on the kit's nanoCLR in each compile mode (the core's,
/// tests/Phytrace.Nano.DeviceTests, and the ESP32 glue's, tests/Phytrace.Nano.Esp32.DeviceTests)
/// and closes with "N passed, N failed[, N skipped]" over both suites and all modes. Without the kit it says that the suite
/// was skipped and why, and counts it as one skipped case (never a silent pass).
/// </summary>
public static class RunnerApp
{
    public static int Run(string[] args, TextWriter console)
    {
        var mode = new Option<string>("--mode") { Description = "debug, release or both", DefaultValueFactory = _ => "both" };
        var kitOption = new Option<string?>("--kit") { Description = $"the nanoFramework kit folder (default: ${NanoKit.KitVariable}, else ../shared/nanoframework beside the checkout)" };
        var timeout = new Option<int>("--timeout") { Description = "time limit of one launcher run, in seconds", DefaultValueFactory = _ => 600 };
        var requireKit = new Option<bool>("--require-kit") { Description = "fail instead of skipping when the kit is absent" };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "print every launcher line, not only failures and skips" };
        var longTests = new Option<bool>("--long") { Description = $"run the heavier sweeps too (compiled with {DeviceSuite.LongTestsSymbol}; also on when ${DeviceSuite.LongTestsSymbol}=1)" };
        var root = new RootCommand("Runs tests/Phytrace.Nano.DeviceTests and tests/Phytrace.Nano.Esp32.DeviceTests on the nanoFramework kit's nanoCLR, unoptimised (Debug) and optimised (Release)")
        {
            mode, kitOption, timeout, requireKit, verbose, longTests,
        };
        int status = 0;
        root.SetAction(parse =>
        {
            IReadOnlyList<CompileMode>? modes = CompileMode.Parse(parse.GetValue(mode)!);
            if (modes == null)
            {
                console.WriteLine("--mode must be debug, release or both");
                status = 2;
                return;
            }
            bool runLong = parse.GetValue(longTests) || Environment.GetEnvironmentVariable(DeviceSuite.LongTestsSymbol) == "1";
            status = RunSuite(modes, parse.GetValue(kitOption), TimeSpan.FromSeconds(parse.GetValue(timeout)), parse.GetValue(requireKit), parse.GetValue(verbose), runLong, console);
        });
        ParseResult result = root.Parse(args);
        int code = result.Invoke(new InvocationConfiguration { Output = console, Error = console });
        return result.Errors.Count > 0 ? 2 : (code != 0 ? code : status);
    }

    private static int RunSuite(IReadOnlyList<CompileMode> modes, string? kitPath, TimeSpan timeLimit, bool requireKit, bool verbose, bool longTests, TextWriter console)
    {
        string repo = RepoRoot.Find();
        NanoKit? kit = NanoKit.Find(kitPath ?? NanoKit.DefaultLocation(repo), out string whyNot);
        if (kit == null)
        {
            console.WriteLine($"device suite {(requireKit ? "cannot run" : "skipped")}: {whyNot}");
            console.WriteLine(requireKit ? "0 passed, 1 failed" : "0 passed, 0 failed, 1 skipped");
            return requireKit ? 1 : 0;
        }

        console.WriteLine($"device suite: nanoCLR and UnitTestLauncher of the kit at {kit.Directory}{(longTests ? $", with the long sweeps ({DeviceSuite.LongTestsSymbol})" : string.Empty)}");
        var suite = new DeviceSuite(
            kit,
            Path.Combine(repo, "src", "Phytrace.Nano.Foundation"),
            Path.Combine(repo, "src", "Phytrace.Nano"),
            Path.Combine(repo, "src", "Phytrace.Nano.Natives"),
            Path.Combine(repo, "boards", "Phytrace.Nano.Boards"),
            Path.Combine(repo, "tests", "Phytrace.Nano.DeviceTests"),
            Path.Combine(repo, "artifacts", "device-tests"),
            timeLimit,
            longTests);
        var glue = new GlueSuite(
            kit,
            suite,
            Path.Combine(repo, "src", "Phytrace.Nano.Esp32", "Phytrace.Nano.Esp32.nfproj"),
            Path.Combine(repo, "tests", "Phytrace.Nano.Esp32.DeviceTests"),
            timeLimit);
        var clock = Stopwatch.StartNew();
        int passed = 0, failed = 0, skipped = 0;
        foreach (CompileMode mode in modes)
        {
            // The core's tests, then the glue's against the same mode's Foundation, core and natives.
            ModeRun coreRun = suite.Run(mode);
            Report(console, "core", coreRun, verbose ? suite.LastLauncherOutput : null);
            ModeRun glueRun = glue.Run(mode);
            Report(console, "glue", glueRun, verbose ? glue.LastLauncherOutput : null);
            foreach (ModeRun run in new[] { coreRun, glueRun })
            {
                passed += run.Outcome.Passed;
                failed += run.Outcome.Failed;
                skipped += run.Outcome.Skipped;
            }
        }
        console.WriteLine($"device suite: {modes.Count} mode(s) in {Seconds(clock.Elapsed)}; compiled assemblies in artifacts/device-tests/");
        console.WriteLine(Counts(passed, failed, skipped));
        return failed == 0 ? 0 : 1;
    }

    // One suite in one mode: byte code per assembly, each failure and skip, then its counts.
    private static void Report(TextWriter console, string suiteName, ModeRun run, string? launcherOutput)
    {
        string mode = run.Mode.Name;
        if (launcherOutput != null)
        {
            console.Write(launcherOutput);
        }
        if (run.ByteCode.Count > 0)
        {
            console.WriteLine($"byte code [{mode} {suiteName}]: {string.Join("; ", run.ByteCode.Select(size => size.Describe()))}");
        }
        foreach (string failure in run.Outcome.Failures)
        {
            console.WriteLine($"FAIL [{mode} {suiteName}] {failure}");
        }
        foreach (string skip in run.Outcome.Skips)
        {
            console.WriteLine($"SKIP [{mode} {suiteName}] {skip}");
        }
        console.WriteLine($"{mode} ({run.Mode.Description}), {suiteName} tests: {Counts(run.Outcome.Passed, run.Outcome.Failed, run.Outcome.Skipped)} "
            + $"(build {Seconds(run.Build)}, run on nanoCLR {Seconds(run.Run)})");
    }

    /// <summary>The closing-line form CI counts.</summary>
    public static string Counts(int passed, int failed, int skipped)
        => skipped > 0 ? $"{passed} passed, {failed} failed, {skipped} skipped" : $"{passed} passed, {failed} failed";

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
}
