using Phytrace.Nano.DeviceTestRunner;
using Phytrace.Nano.Tests.Support;

namespace Phytrace.Nano.Tests.DeviceTestRunner;

/// <summary>
/// On the kit's real nanoCLR and UnitTestLauncher: an exception that escapes the launcher's own
/// catch (here one whose Message throws) ends the launcher silently, nano-test exits 0 with the
/// cases before it green, and the device run must still fail, naming what never ran.
/// </summary>
public class LauncherOnKitTests
{
    private const string Tests = """
        using System;
        using nanoFramework.TestFramework;

        namespace Probe
        {
            public class MessageThrows : Exception
            {
                public override string Message { get { throw new InvalidOperationException(); } }
            }

            [TestClass]
            public class Stops
            {
                [TestMethod] public void Before() { }
                [TestMethod] public void Escapes() { throw new MessageThrows(); }
                [TestMethod] public void After() { }
                [DataRow(1)][DataRow(2)] public void Rows(int n) { Assert.IsTrue(n > 0); }
            }
        }
        """;

    [SkippableFact]
    public void A_launcher_ended_by_an_unhandled_exception_fails_the_run()
    {
        NanoKit? kit = NanoKit.Find(NanoKit.DefaultLocation(RepoPaths.Root), out string whyNot);
        if (kit == null)
        {
            SharedMaterial.NanoKit.ReportMissing(whyNot);
        }
        string dir = Directory.CreateTempSubdirectory("phytrace-launcher-").FullName;
        try
        {
            string source = Path.Combine(dir, "Stops.cs");
            File.WriteAllText(source, Tests);
            string dll = Path.Combine(dir, "NFUnitTest.dll");
            TimeSpan limit = TimeSpan.FromMinutes(2);
            Assert.Equal(0, kit!.Run("nano-compile", new[] { "-out", dll, "-r", "nanoFramework.TestFramework", "-langversion:10", source }, limit).ExitCode);
            Assert.Equal(0, kit.Run("nano-pe", new[] { dll }, limit).ExitCode);

            ToolResult launcher = kit.Run("nano-test", new[] { "-t", "60", Path.ChangeExtension(dll, ".pe") }, limit);
            ModeOutcome outcome = ModeOutcome.Reconcile(TestAssemblyModel.Read(dll), LauncherLine.Parse(launcher.Output), launcher.ExitCode, launcher.TimedOut);

            Assert.Equal(0, launcher.ExitCode); // the kit's own summary calls this run green
            Assert.Contains("1 passed, 0 failed", launcher.Output, StringComparison.Ordinal);
            Assert.Equal(1, outcome.Passed);
            Assert.Equal(4, outcome.Failed); // Escapes, After and both rows never reported
            Assert.All(outcome.Failures, f => Assert.Contains("never reported (the launcher stopped early", f, StringComparison.Ordinal));
            Assert.Contains(outcome.Failures, f => f.StartsWith("Probe.Stops.After.0:", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
