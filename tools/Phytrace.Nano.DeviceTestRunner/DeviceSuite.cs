using System.Diagnostics;

namespace Phytrace.Nano.DeviceTestRunner;

/// <summary>
/// One compile mode end to end with the kit's scripts: the Foundation (src/Phytrace.Nano.Foundation),
/// the core (src/Phytrace.Nano, referencing it), the device
/// natives (src/Phytrace.Nano.Natives, against the kit's real nanoFramework.System.IO.Hashing and
/// nanoFramework.System.Text), the board presets (boards/Phytrace.Nano.Boards, so
/// the tests validate the real presets) and the tests (tests/Phytrace.Nano.DeviceTests, as
/// NFUnitTest, C# 10: see the kit README) compiled against nano mscorlib and the real TestFramework,
/// converted by the metadata processor, each assembly's byte code held to the .pe limit
/// (<see cref="PeByteCode"/>), run through the UnitTestLauncher on nanoCLR, and the launcher's
/// lines held to the assembly's declared cases.
/// </summary>
public sealed class DeviceSuite
{
    private readonly NanoKit kit;
    private readonly string foundationSources;
    private readonly string coreSources;
    private readonly string nativesSources;
    private readonly string boardsSources;
    private readonly string testSources;
    private readonly string outputRoot;
    private readonly TimeSpan timeLimit;
    private readonly bool longTests;

    /// <param name="longTests">Compile the tests with PHYTRACE_LONG_TESTS defined: the heavier sweeps join the run.</param>
    public DeviceSuite(NanoKit kit, string foundationSources, string coreSources, string nativesSources, string boardsSources, string testSources, string outputRoot, TimeSpan timeLimit, bool longTests = false)
    {
        this.boardsSources = boardsSources;
        this.longTests = longTests;
        this.kit = kit;
        this.foundationSources = foundationSources;
        this.coreSources = coreSources;
        this.nativesSources = nativesSources;
        this.testSources = testSources;
        this.outputRoot = outputRoot;
        this.timeLimit = timeLimit;
    }

    /// <summary>The symbol (and environment variable) that turns the heavier device sweeps on.</summary>
    public const string LongTestsSymbol = "PHYTRACE_LONG_TESTS";

    /// <summary>Everything the launcher printed in the last run (for --verbose).</summary>
    public string LastLauncherOutput { get; private set; } = string.Empty;

    public ModeRun Run(CompileMode mode)
    {
        var clock = Stopwatch.StartNew();
        string dir = ModeDirectory(mode);
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }
        Directory.CreateDirectory(dir);
        string foundation = Path.Combine(dir, "Phytrace.Nano.Foundation.dll");
        string core = Path.Combine(dir, "Phytrace.Nano.dll");
        string natives = Path.Combine(dir, "Phytrace.Nano.Natives.dll");
        string boards = Path.Combine(dir, "Phytrace.Nano.Boards.dll");
        string tests = Path.Combine(dir, "NFUnitTest.dll");
        LastLauncherOutput = string.Empty;

        var foundationArgs = new List<string> { "-out", foundation, "-nowarn:8632" };
        foundationArgs.AddRange(mode.CompilerOptions);
        foundationArgs.Add(foundationSources);
        var coreArgs = new List<string> { "-out", core, "-r", foundation, "-nowarn:8632" };
        coreArgs.AddRange(mode.CompilerOptions);
        coreArgs.Add(coreSources);
        var nativesArgs = new List<string> { "-out", natives, "-nowarn:8632", "-r", foundation, "-r", "nanoFramework.System.IO.Hashing", "-r", "nanoFramework.System.Text" };
        nativesArgs.AddRange(mode.CompilerOptions);
        nativesArgs.Add(nativesSources);
        var boardsArgs = new List<string> { "-out", boards, "-r", core, "-r", foundation };
        boardsArgs.AddRange(mode.CompilerOptions);
        boardsArgs.Add(boardsSources);
        var testArgs = new List<string> { "-out", tests, "-r", core, "-r", foundation, "-r", natives, "-r", boards, "-r", "nanoFramework.TestFramework", "-langversion:10" };
        testArgs.AddRange(mode.CompilerOptions);
        if (longTests)
        {
            testArgs.Add("-define:" + LongTestsSymbol);
        }
        testArgs.Add(testSources);
        var byteCode = new List<PeByteCode>();
        // Each step runs only when the one before it succeeded.
        ModeOutcome? broken = Check("nano-compile", foundationArgs, "compiling the Foundation")
            ?? Check("nano-compile", coreArgs, "compiling the core")
            ?? Check("nano-compile", nativesArgs, "compiling the device natives")
            ?? Check("nano-compile", boardsArgs, "compiling the board presets")
            ?? Check("nano-compile", testArgs, "compiling the device tests")
            ?? Convert(foundation, Array.Empty<string>(), "the Foundation", byteCode)
            ?? Convert(core, new[] { foundation }, "the core", byteCode)
            ?? Convert(natives, new[] { foundation }, "the device natives", byteCode)
            ?? Convert(boards, new[] { core, foundation }, "the board presets", byteCode)
            ?? Convert(tests, new[] { core, foundation, natives, boards }, "the device tests", byteCode);
        if (broken != null)
        {
            return new ModeRun(mode, broken, clock.Elapsed, TimeSpan.Zero, byteCode);
        }
        TestAssemblyModel model = TestAssemblyModel.Read(tests);
        TimeSpan build = clock.Elapsed;

        int seconds = (int)Math.Ceiling(timeLimit.TotalSeconds);
        ToolResult launcher = kit.Run(
            "nano-test",
            new[]
            {
                "-t", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Path.ChangeExtension(tests, ".pe"), Path.ChangeExtension(core, ".pe"), Path.ChangeExtension(foundation, ".pe"),
                Path.ChangeExtension(natives, ".pe"), Path.ChangeExtension(boards, ".pe"), "nanoFramework.System.IO.Hashing", "nanoFramework.System.Text",
            },
            timeLimit + TimeSpan.FromSeconds(30));
        LastLauncherOutput = launcher.Output;
        ModeOutcome outcome = ModeOutcome.Reconcile(model, LauncherLine.Parse(launcher.Output), launcher.ExitCode, launcher.TimedOut);
        return new ModeRun(mode, outcome, build, launcher.Elapsed, byteCode);
    }

    /// <summary>Where one mode's assemblies go (the Foundation, core and natives the glue suite reuses too).</summary>
    public string ModeDirectory(CompileMode mode) => Path.Combine(outputRoot, mode.Name);

    /// <summary>Null when the step succeeded, else the mode's outcome: failed with the step's output.</summary>
    public ModeOutcome? Check(string script, IEnumerable<string> arguments, string what)
    {
        ToolResult step = kit.Run(script, arguments, timeLimit);
        return step.ExitCode == 0 ? null : ModeOutcome.Broken($"{what} failed (status {step.ExitCode}):\n{step.Output.TrimEnd()}");
    }

    /// <summary>
    /// nano-pe of <paramref name="assembly"/>, then its byte code size against the .pe limit (added
    /// to <paramref name="byteCode"/>). Null when converted and within the limit, else the mode's
    /// failed outcome naming the assembly, the size if known and the limit.
    /// </summary>
    public ModeOutcome? Convert(string assembly, IEnumerable<string> references, string what, List<PeByteCode> byteCode)
    {
        var arguments = new List<string> { assembly };
        arguments.AddRange(references);
        ToolResult step = kit.Run("nano-pe", arguments, timeLimit);
        string name = Path.GetFileNameWithoutExtension(assembly);
        if (step.ExitCode != 0)
        {
            string why = step.Output.Contains("overflow", StringComparison.OrdinalIgnoreCase)
                ? $"{name}: the metadata processor refused it, over its limit of {PeByteCode.LimitText} B of byte code per assembly (move code to another assembly; docs/device-differences.md)\n"
                : string.Empty;
            return ModeOutcome.Broken($"{why}converting {what} to .pe failed (status {step.ExitCode}):\n{step.Output.TrimEnd()}");
        }
        PeByteCode size = PeByteCode.Read(Path.ChangeExtension(assembly, ".pe"));
        byteCode.Add(size);
        return size.WithinLimit
            ? null
            : ModeOutcome.Broken($"byte code of {size.Describe()}: the device cannot load it (move code to another assembly; docs/device-differences.md)");
    }
}

/// <summary>One mode's outcome, where its time went and each converted assembly's byte code size.</summary>
public sealed record ModeRun(CompileMode Mode, ModeOutcome Outcome, TimeSpan Build, TimeSpan Run, IReadOnlyList<PeByteCode> ByteCode);
