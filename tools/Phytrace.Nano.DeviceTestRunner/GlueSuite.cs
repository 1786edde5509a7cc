using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Phytrace.Nano.DeviceTestRunner;

/// <summary>
/// The ESP32 glue's device tests (tests/Phytrace.Nano.Esp32.DeviceTests) in one compile mode: the
/// glue (src/Phytrace.Nano.Esp32) compiled against the kit's real package assemblies its .nfproj
/// references and against the Foundation, core and natives the core suite compiled in the same
/// mode (<see cref="DeviceSuite.ModeDirectory"/>), then the tests as NFUnitTest, both converted and
/// held to the byte code limit, run through the UnitTestLauncher with the kit's package .pe files,
/// and the launcher's lines held to the cases the test assembly declares, as for the core suite.
/// </summary>
public sealed partial class GlueSuite
{
    private readonly NanoKit kit;
    private readonly DeviceSuite core;
    private readonly string glueProject;
    private readonly string testSources;
    private readonly TimeSpan timeLimit;

    /// <param name="glueProject">src/Phytrace.Nano.Esp32/Phytrace.Nano.Esp32.nfproj: its folder holds the sources, its Reference items name the packages.</param>
    public GlueSuite(NanoKit kit, DeviceSuite core, string glueProject, string testSources, TimeSpan timeLimit)
    {
        this.kit = kit;
        this.core = core;
        this.glueProject = glueProject;
        this.testSources = testSources;
        this.timeLimit = timeLimit;
    }

    /// <summary>Everything the launcher printed in the last run (for --verbose).</summary>
    public string LastLauncherOutput { get; private set; } = string.Empty;

    /// <summary>Runs the glue's tests in <paramref name="mode"/>; call after the core suite ran in the same mode.</summary>
    public ModeRun Run(CompileMode mode)
    {
        var clock = Stopwatch.StartNew();
        LastLauncherOutput = string.Empty;
        string coreDir = core.ModeDirectory(mode);
        string foundation = Path.Combine(coreDir, "Phytrace.Nano.Foundation.dll");
        string coreAssembly = Path.Combine(coreDir, "Phytrace.Nano.dll");
        string natives = Path.Combine(coreDir, "Phytrace.Nano.Natives.dll");
        if (!new[] { foundation, coreAssembly, natives }.All(a => File.Exists(Path.ChangeExtension(a, ".pe"))))
        {
            return new ModeRun(mode, ModeOutcome.Broken("the glue's tests need the Foundation, core and natives of this mode, which did not build (see the core suite above)"),
                clock.Elapsed, TimeSpan.Zero, Array.Empty<PeByteCode>());
        }
        string dir = Path.Combine(coreDir, "glue");
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }
        Directory.CreateDirectory(dir);
        string glue = Path.Combine(dir, "Phytrace.Nano.Esp32.dll");
        string tests = Path.Combine(dir, "NFUnitTest.dll");
        IReadOnlyList<string> packages = References(glueProject);

        var glueArgs = new List<string> { "-out", glue, "-nowarn:8632", "-r", foundation, "-r", coreAssembly, "-r", natives };
        var testArgs = new List<string> { "-out", tests, "-nowarn:8632", "-langversion:10", "-r", foundation, "-r", coreAssembly, "-r", natives, "-r", glue, "-r", "nanoFramework.TestFramework" };
        foreach (string package in packages)
        {
            glueArgs.AddRange(new[] { "-r", package });
            testArgs.AddRange(new[] { "-r", package });
        }
        glueArgs.AddRange(mode.CompilerOptions);
        glueArgs.Add(Path.GetDirectoryName(glueProject)!);
        testArgs.AddRange(mode.CompilerOptions);
        testArgs.Add(testSources);
        var byteCode = new List<PeByteCode>();
        ModeOutcome? broken = core.Check("nano-compile", glueArgs, "compiling the ESP32 glue")
            ?? core.Check("nano-compile", testArgs, "compiling the glue's device tests")
            ?? core.Convert(glue, new[] { coreAssembly, foundation, natives }, "the ESP32 glue", byteCode)
            ?? core.Convert(tests, new[] { coreAssembly, foundation, natives, glue }, "the glue's device tests", byteCode);
        if (broken != null)
        {
            return new ModeRun(mode, broken, clock.Elapsed, TimeSpan.Zero, byteCode);
        }
        TestAssemblyModel model = TestAssemblyModel.Read(tests);
        TimeSpan build = clock.Elapsed;

        var launch = new List<string>
        {
            "-t", ((int)Math.Ceiling(timeLimit.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Path.ChangeExtension(tests, ".pe"), Path.ChangeExtension(foundation, ".pe"), Path.ChangeExtension(coreAssembly, ".pe"),
            Path.ChangeExtension(natives, ".pe"), Path.ChangeExtension(glue, ".pe"),
        };
        // Every package the kit holds, as the glue's firmware image would carry them (the natives need System.IO.Hashing too).
        launch.AddRange(Directory.GetFiles(Path.Combine(kit.Directory, "ref"), "*.pe").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal));
        ToolResult launcher = kit.Run("nano-test", launch, timeLimit + TimeSpan.FromSeconds(30));
        LastLauncherOutput = launcher.Output;
        ModeOutcome outcome = ModeOutcome.Reconcile(model, LauncherLine.Parse(launcher.Output), launcher.ExitCode, launcher.TimedOut);
        return new ModeRun(mode, outcome, build, launcher.Elapsed, byteCode);
    }

    /// <summary>The package assemblies an .nfproj references by name (its Reference items, mscorlib aside).</summary>
    public static IReadOnlyList<string> References(string nfproj)
    {
        return ReferenceItem().Matches(File.ReadAllText(nfproj))
            .Select(m => m.Groups[1].Value)
            .Where(name => !string.Equals(name, "mscorlib", StringComparison.Ordinal))
            .ToList();
    }

    [GeneratedRegex("<Reference Include=\"([^\"]+)\"")]
    private static partial Regex ReferenceItem();
}
