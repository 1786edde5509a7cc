using Phytrace.Nano.ILAudit;
using Phytrace.Nano.Tests.Support;

namespace Phytrace.Nano.Tests.Compat;

/// <summary>
/// The audit must catch what nanoFramework 1.x rejects even though Roslyn compiles it against the
/// device's mscorlib. Each case compiles a small assembly with one forbidden construct.
/// </summary>
public class NanoILAuditorTests
{
    private static IReadOnlyList<AuditFinding> AuditNano(string source)
    {
        byte[] image = SnippetCompiler.Compile("Snippet", new[] { SnippetCompiler.NanoMscorlib }, source);
        using var pe = SnippetCompiler.Reader(image);
        return NanoILAuditor.Audit(pe, new[] { "mscorlib" });
    }

    [Fact]
    public void Clean_code_has_no_findings()
    {
        var findings = AuditNano("""
            public delegate void Tick(int n);
            public sealed class Ring { private readonly byte[] slots = new byte[64]; public event Tick Ticked;
              public int Sum() { int s = 0; for (int i = 0; i < slots.Length; i++) s += slots[i]; Ticked?.Invoke(s); return s; } }
            """);
        Assert.Empty(findings);
    }

    [Fact]
    public void Generic_type_definition_is_reported_with_its_name()
    {
        var findings = AuditNano("public class Box<T> { public T Value; }");
        Assert.Contains(findings, f => f.Rule == AuditRule.GenericDefinition && f.Location == "Box`1");
    }

    [Fact]
    public void Generic_method_definition_is_reported_with_type_and_member()
    {
        var findings = AuditNano("public static class Util { public static T Id<T>(T x) { return x; } }");
        Assert.Contains(findings, f => f.Rule == AuditRule.GenericDefinition && f.Location == "Util.Id");
    }

    [Fact]
    public void Action_of_int_is_reported_at_the_member_that_uses_it()
    {
        var findings = AuditNano("public static class Use { public static void Go() { System.Action<int> a = delegate(int x) { }; a(1); } }");
        Assert.Contains(findings, f => f.Rule == AuditRule.GenericInstantiation && f.Location == "Use.Go" && f.Detail.Contains("System.Action`1<Int32>"));
    }

    [Fact]
    public void Func_field_is_reported()
    {
        var findings = AuditNano("public class Holder { public System.Func<int> Source; }");
        Assert.Contains(findings, f => f.Rule == AuditRule.GenericInstantiation && f.Location == "Holder.Source");
    }

    [Fact]
    public void Generic_event_handler_is_reported()
    {
        var findings = AuditNano("public class Sensor { public event System.EventHandler<System.EventArgs> Changed; public void Raise() { Changed?.Invoke(this, System.EventArgs.Empty); } }");
        Assert.Contains(findings, f => f.Rule == AuditRule.GenericInstantiation && f.Detail.Contains("EventHandler`1"));
    }

    [Fact]
    public void Pointer_parameter_is_reported()
    {
        var findings = AuditNano("public static unsafe class Raw { public static int Read(int* p) { return *p; } }");
        Assert.Contains(findings, f => f.Rule == AuditRule.PointerType && f.Location == "Raw.Read");
    }

    [Fact]
    public void Stackalloc_is_reported_as_localloc()
    {
        var findings = AuditNano("public static unsafe class Scratch { public static int Use() { byte* b = stackalloc byte[16]; b[0] = 1; return b[0]; } }");
        Assert.Contains(findings, f => f.Rule == AuditRule.Localloc && f.Location == "Scratch.Use");
    }

    [Fact]
    public void Async_method_is_reported()
    {
        byte[] image = SnippetCompiler.Compile("AsyncSnippet", SnippetCompiler.DotNetReferences,
            "public static class Net { public static async System.Threading.Tasks.Task Send() { await System.Threading.Tasks.Task.Yield(); } }");
        using var pe = SnippetCompiler.Reader(image);
        var findings = NanoILAuditor.Audit(pe, new[] { "mscorlib", "System.Runtime" });
        Assert.Contains(findings, f => f.Rule == AuditRule.AsyncStateMachine && f.Location == "Net.Send");
        Assert.Contains(findings, f => f.Rule == AuditRule.AsyncStateMachine && f.Location.StartsWith("Net+<Send>", StringComparison.Ordinal));
    }

    [Fact]
    public void Reference_outside_mscorlib_is_reported_by_name()
    {
        byte[] other = SnippetCompiler.Compile("OtherLib", new[] { SnippetCompiler.NanoMscorlib }, "public class Helper { public static int One() { return 1; } }");
        byte[] image = SnippetCompiler.Compile("UsesOther",
            new[] { SnippetCompiler.NanoMscorlib, Microsoft.CodeAnalysis.MetadataReference.CreateFromImage(other) },
            "public static class Caller { public static int Call() { return Helper.One(); } }");
        using var pe = SnippetCompiler.Reader(image);

        var findings = NanoILAuditor.Audit(pe, new[] { "mscorlib" });
        Assert.Contains(findings, f => f.Rule == AuditRule.ForeignReference && f.Detail.Contains("'OtherLib'"));

        using var pe2 = SnippetCompiler.Reader(image);
        Assert.Empty(NanoILAuditor.Audit(pe2, new[] { "mscorlib", "OtherLib" }));
    }

    /// <summary>Where NanoCompat.targets lets code use the string indexer (the one place that reads text by index).</summary>
    private static readonly string[] StringIndexerAllowedIn = { "Phytrace.Nano.Formats.TextChars" };

    /// <summary>What tools/NanoCompat/Samples/Sample.targets allows a sample app to reference.</summary>
    private const string SampleReferences = "mscorlib;Phytrace.Nano.Foundation;Phytrace.Nano;Phytrace.Nano.Boards;Phytrace.Nano.Esp32;Phytrace.Nano.NanoReference";

    public static TheoryData<string, string, string> GateBuilds => new()
    {
        { "FoundationCore", "Phytrace.Nano.Foundation", "mscorlib" },
        { "FoundationDebug", "Phytrace.Nano.Foundation", "mscorlib" },
        { "Core", "Phytrace.Nano", "mscorlib;Phytrace.Nano.Foundation" },
        { "CoreDebug", "Phytrace.Nano", "mscorlib;Phytrace.Nano.Foundation" },
        { "DeviceTests", "NFUnitTest", "mscorlib;Phytrace.Nano.Foundation;Phytrace.Nano;Phytrace.Nano.Natives;Phytrace.Nano.Boards;nanoFramework.TestFramework" },
        { "Boards", "Phytrace.Nano.Boards", "mscorlib;Phytrace.Nano.Foundation;Phytrace.Nano" },
        { "Samples/Esp32DevKitC", "Phytrace.Samples.Esp32DevKitC", SampleReferences },
        { "Samples/Esp32S3DevKitC1", "Phytrace.Samples.Esp32S3DevKitC1", SampleReferences },
        { "Samples/LilyGoT8", "Phytrace.Samples.LilyGoT8", SampleReferences },
        { "Samples/M5StackCore2", "Phytrace.Samples.M5StackCore2", SampleReferences },
    };

    /// <summary>
    /// The gate's own output, built before this assembly (the test project references the gate
    /// projects), audited again here with the same allowances as the build: the Foundation and the
    /// core optimised (FoundationCore, Core) and unoptimised (FoundationDebug, CoreDebug), the device tests, the presets and the sample apps.
    /// </summary>
    [Theory]
    [MemberData(nameof(GateBuilds))]
    public void Nano_compiled_assemblies_pass_the_audit(string gateProject, string assembly, string allowed)
    {
        string dll = RepoPaths.NanoCompatOutput(gateProject, assembly);
        Assert.True(File.Exists(dll), $"the nano-compat build {dll} is missing: tests/Phytrace.Nano.Tests references tools/NanoCompat/{gateProject}, so building the tests builds it");
        Assert.Empty(NanoILAuditor.Audit(dll, allowed.Split(';'), StringIndexerAllowedIn));
    }
}
