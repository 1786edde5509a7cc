using Microsoft.CodeAnalysis;
using Phytrace.Nano.Tests.Support;

namespace Phytrace.Nano.Tests.Compat;

/// <summary>
/// tools/NanoReference stands in for the nanoFramework packages when `dotnet build` compiles the
/// ESP32 glue, the presets and the sample apps on a machine without the kit. These tests keep it
/// honest: every declared type and member must match the kit's real package assemblies.
/// </summary>
public class NanoReferenceDeclarationTests
{
    private readonly ITestOutputHelper output;

    public NanoReferenceDeclarationTests(ITestOutputHelper output) => this.output = output;

    [SkippableFact]
    public void Every_declaration_in_NanoReference_matches_the_real_package_assembly_of_the_kit()
    {
        ApiSurface declared = ApiSurface.Read(CompileNanoReference());
        var real = KitPackages.RefAssemblies.Select(p => (Path.GetFileNameWithoutExtension(p), ApiSurface.Read(p))).ToList();

        IReadOnlyList<string> differences = ApiComparison.Compare(declared, real);

        int members = declared.Types.Values.Sum(t => t.Members.Count);
        output.WriteLine($"{declared.Types.Count} types and {members} members declared, compared with {real.Count} kit assemblies");
        Assert.True(declared.Types.Count >= 40, $"only {declared.Types.Count} types were read from NanoReference");
        Assert.True(differences.Count == 0, differences.Count + " differences:\n" + string.Join("\n", differences));
    }

    [Fact]
    public void The_comparison_reports_each_kind_of_difference()
    {
        const string Real = """
            namespace Pkg
            {
                public enum Level { Low = 0, High = 0x80 }
                public enum Mode { Read = 1, Write = 2, Append = 3 }
                public static class Helper { public static bool Join(string ssid, int adapter = 0) { return true; } }
                public abstract class Medium { protected Medium() { } public abstract int Read(byte[] b); public abstract void Flush(); }
                public class Client : System.IDisposable
                {
                    public delegate void ClosedHandler(object sender, System.EventArgs e);
                    public event ClosedHandler Closed;
                    public Client(string host) { }
                    public int Port { get { return 0; } set { } }
                    public void Dispose() { }
                }
            }
            """;
        const string Declared = """
            namespace Pkg
            {
                public enum Level { Low = 0, High = 0x81 }
                public enum Mode { Read = 1, Write = 2 }
                public class Helper { public static bool Join(string ssid, int adapter) { return true; } }
                public abstract class Medium { protected Medium() { } public abstract int Read(byte[] b); }
                public class Client
                {
                    public delegate void ClosedHandler(object sender, System.EventArgs e);
                    public event ClosedHandler Closed;
                    public Client(string host) { }
                    public int Port { get { return 0; } }
                    public long Timeout() { return 0; }
                    public static void Dispose() { }
                }
                public class Missing { }
            }
            """;
        var references = new[] { SnippetCompiler.NanoMscorlib };
        ApiSurface real = ApiSurface.Read(SnippetCompiler.Compile("Pkg", references, Real));
        ApiSurface declared = ApiSurface.Read(SnippetCompiler.Compile("PkgDeclared", references, Declared));

        string report = string.Join("\n", ApiComparison.Compare(declared, new[] { ("Pkg", real) }));
        output.WriteLine(report);

        Assert.Contains("Pkg.Level (Pkg): declared 'public static Pkg.Level High = 129', real 'public static Pkg.Level High = 128'", report, StringComparison.Ordinal);
        Assert.Contains("Pkg.Helper (Pkg): declared 'class : System.Object', real 'class static : System.Object'", report, StringComparison.Ordinal);
        Assert.Contains("declared 'public static System.Boolean Join(System.String ssid, System.Int32 adapter)', real 'public static System.Boolean Join(System.String ssid, System.Int32 adapter = 0)'", report, StringComparison.Ordinal);
        Assert.Contains("Pkg.Medium (Pkg): does not declare the real abstract member 'public abstract System.Void Flush()'", report, StringComparison.Ordinal);
        Assert.Contains("Pkg.Client (Pkg): declares 'public System.Int64 Timeout()', which the real type does not have", report, StringComparison.Ordinal);
        Assert.Contains("Pkg.Client (Pkg): declared 'public static System.Void Dispose()', real 'public System.Void Dispose()'", report, StringComparison.Ordinal);
        Assert.Contains("Pkg.Mode (Pkg): does not declare the real enum value 'public static Pkg.Mode Append = 3'", report, StringComparison.Ordinal);
        Assert.Contains("Pkg.Client (Pkg): does not declare the real accessor 'public System.Void set_Port(System.Int32 value)' of a property it declares", report, StringComparison.Ordinal);
        Assert.Contains("Pkg.Missing: declared, but no real assembly has a public type of that name", report, StringComparison.Ordinal);
        Assert.DoesNotContain("ClosedHandler", report, StringComparison.Ordinal);
    }

    /// <summary>The declarations as `dotnet build` compiles them: against nanoFramework's mscorlib alone.</summary>
    private static byte[] CompileNanoReference()
    {
        string folder = Path.Combine(RepoPaths.Root, "tools", "NanoReference");
        var paths = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                     && !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToList();
        var compilation = SnippetCompiler.Create("Phytrace.Nano.NanoReference", new[] { SnippetCompiler.NanoMscorlib },
            paths.Select(File.ReadAllText), paths, SnippetCompiler.NanoParseOptions);
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return stream.ToArray();
    }
}
