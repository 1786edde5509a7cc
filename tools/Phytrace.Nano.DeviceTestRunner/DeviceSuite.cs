using System.Diagnostics;

namespace Phytrace.Nano.DeviceTestRunner;

/// <summary>
/// One compile mode end to end with the kit's scripts: the core (src/Phytrace.Nano), the device
/// natives (src/Phytrace.Nano.Natives, against the kit's real nanoFramework.System.IO.Hashing and
/// nanoFramework.System.Text) and the tests (tests/Phytrace.Nano.DeviceTests, as NFUnitTest, C# 10:
/// see the kit README) compiled against nano mscorlib and the real TestFramework, converted by the
/// metadata processor, run through the UnitTestLauncher on nanoCLR, and the launcher's lines held
/// to the assembly's declared cases.
/// </summary>
public sealed class DeviceSuite
{
    private readonly NanoKit kit;
    private readonly string coreSources;
    private readonly string nativesSources;
    private readonly string testSources;
    private readonly string outputRoot;
    private readonly TimeSpan timeLimit;

    public DeviceSuite(NanoKit kit, string coreSources, string nativesSources, string testSources, string outputRoot, TimeSpan timeLimit)
    {
        this.kit = kit;
        this.coreSources = coreSources;
        this.nativesSources = nativesSources;
        this.testSources = testSources;
        this.outputRoot = outputRoot;
        this.timeLimit = timeLimit;
    }

    /// <summary>Everything the launcher printed in the last run (for --verbose).</summary>
    public string LastLauncherOutput { get; private set; } = string.Empty;

    public ModeRun Run(CompileMode mode)
    {
        var clock = Stopwatch.StartNew();
        string dir = Path.Combine(outputRoot, mode.Name);
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }
        Directory.CreateDirectory(dir);
        string core = Path.Combine(dir, "Phytrace.Nano.dll");
        string natives = Path.Combine(dir, "Phytrace.Nano.Natives.dll");
        string tests = Path.Combine(dir, "NFUnitTest.dll");
        LastLauncherOutput = string.Empty;

        var coreArgs = new List<string> { "-out", core, "-nowarn:8632" };
        coreArgs.AddRange(mode.CompilerOptions);
        coreArgs.Add(coreSources);
        var nativesArgs = new List<string> { "-out", natives, "-nowarn:8632", "-r", core, "-r", "nanoFramework.System.IO.Hashing", "-r", "nanoFramework.System.Text" };
        nativesArgs.AddRange(mode.CompilerOptions);
        nativesArgs.Add(nativesSources);
        var testArgs = new List<string> { "-out", tests, "-r", core, "-r", natives, "-r", "nanoFramework.TestFramework", "-langversion:10" };
        testArgs.AddRange(mode.CompilerOptions);
        testArgs.Add(testSources);
        // Each step runs only when the one before it succeeded.
        ModeOutcome? broken = Check("nano-compile", coreArgs, "compiling the core")
            ?? Check("nano-compile", nativesArgs, "compiling the device natives")
            ?? Check("nano-compile", testArgs, "compiling the device tests")
            ?? Check("nano-pe", new[] { core }, "converting the core to .pe")
            ?? Check("nano-pe", new[] { natives, core }, "converting the device natives to .pe")
            ?? Check("nano-pe", new[] { tests, core, natives }, "converting the device tests to .pe");
        if (broken != null)
        {
            return new ModeRun(mode, broken, clock.Elapsed, TimeSpan.Zero);
        }
        TestAssemblyModel model = TestAssemblyModel.Read(tests);
        TimeSpan build = clock.Elapsed;

        int seconds = (int)Math.Ceiling(timeLimit.TotalSeconds);
        ToolResult launcher = kit.Run(
            "nano-test",
            new[]
            {
                "-t", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture), Path.ChangeExtension(tests, ".pe"), Path.ChangeExtension(core, ".pe"),
                Path.ChangeExtension(natives, ".pe"), "nanoFramework.System.IO.Hashing", "nanoFramework.System.Text",
            },
            timeLimit + TimeSpan.FromSeconds(30));
        LastLauncherOutput = launcher.Output;
        ModeOutcome outcome = ModeOutcome.Reconcile(model, LauncherLine.Parse(launcher.Output), launcher.ExitCode, launcher.TimedOut);
        return new ModeRun(mode, outcome, build, launcher.Elapsed);
    }

    // Null when the step succeeded, else the mode's outcome: failed with the step's output.
    private ModeOutcome? Check(string script, IEnumerable<string> arguments, string what)
    {
        ToolResult step = kit.Run(script, arguments, timeLimit);
        return step.ExitCode == 0 ? null : ModeOutcome.Broken($"{what} failed (status {step.ExitCode}):\n{step.Output.TrimEnd()}");
    }
}

/// <summary>One mode's outcome and where its time went.</summary>
public sealed record ModeRun(CompileMode Mode, ModeOutcome Outcome, TimeSpan Build, TimeSpan Run);
