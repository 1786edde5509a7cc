using System.Text;
using Phytrace.Nano.DeviceTestRunner;
using Phytrace.Nano.Tests.Support;

namespace Phytrace.Nano.Tests.DeviceTestRunner;

/// <summary>
/// On the kit's real metadata processor: an assembly over 65,535 bytes of byte code is refused
/// ("Byte code table overflow"), and the device run says so naming the assembly and the limit.
/// </summary>
public class ByteCodeLimitOnKitTests
{
    // About 1,400 methods of some 60 bytes of IL each: over the limit, however the compiler lays it out.
    private static string OversizedSource()
    {
        var source = new StringBuilder("namespace Oversized { public static class Code {\n");
        for (int method = 0; method < 1400; method++)
        {
            source.Append("public static int M").Append(method).Append("(int x) { ");
            for (int step = 0; step < 12; step++)
            {
                source.Append("x = x * ").Append(step + 3).Append(" + ").Append(method + step).Append("; ");
            }
            source.Append("return x; }\n");
        }
        return source.Append("} }\n").ToString();
    }

    [SkippableFact]
    public void An_assembly_over_the_limit_fails_the_mode_naming_it_and_the_limit()
    {
        NanoKit? kit = NanoKit.Find(NanoKit.DefaultLocation(RepoPaths.Root), out string whyNot);
        if (kit == null)
        {
            SharedMaterial.NanoKit.ReportMissing(whyNot);
        }
        string dir = Directory.CreateTempSubdirectory("phytrace-bytecode-").FullName;
        try
        {
            string source = Path.Combine(dir, "Oversized.cs");
            File.WriteAllText(source, OversizedSource());
            string dll = Path.Combine(dir, "Oversized.dll");
            TimeSpan limit = TimeSpan.FromMinutes(3);
            Assert.Equal(0, kit!.Run("nano-compile", new[] { "-out", dll, "-optimize", source }, limit).ExitCode);
            var suite = new DeviceSuite(kit, dir, dir, dir, dir, dir, dir, limit);
            var sizes = new List<PeByteCode>();

            ModeOutcome? outcome = suite.Convert(dll, Array.Empty<string>(), "the oversized assembly", sizes);

            Assert.NotNull(outcome);
            Assert.Equal(1, outcome!.Failed);
            Assert.StartsWith("Oversized: the metadata processor refused it, over its limit of 65,535 B of byte code per assembly", outcome.Failures[0], StringComparison.Ordinal);
            Assert.Contains("Byte code table overflow", outcome.Failures[0], StringComparison.Ordinal);
            Assert.Empty(sizes);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
