using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Phytrace.Nano.Tests.Support;

namespace Phytrace.Nano.Tests.Compat;

/// <summary>
/// The core compiles against nanoFramework's mscorlib alone; a file using an API the device lacks
/// fails that compile with an error located in that file.
/// </summary>
public class NanoCompileGateTests
{
    public static TheoryData<string, string> ForbiddenApis => new()
    {
        { "Linq", "using System.Linq; namespace Phytrace.Nano { static class Bad { static int F(int[] a) { return a.Count(); } } }" },
        { "ListOfT", "namespace Phytrace.Nano { static class Bad { static object F() { return new System.Collections.Generic.List<int>(); } } }" },
        { "Async", "namespace Phytrace.Nano { static class Bad { static async System.Threading.Tasks.Task F() { await System.Threading.Tasks.Task.Delay(1); } } }" },
        { "Span", "namespace Phytrace.Nano { static class Bad { static int F(System.Span<byte> s) { return s.Length; } } }" },
        { "StringBuilder", "namespace Phytrace.Nano { static class Bad { static string F() { return new System.Text.StringBuilder().ToString(); } } }" },
        { "TickCount", "namespace Phytrace.Nano { static class Bad { static int F() { return System.Environment.TickCount; } } }" },
    };

    // The core and the cipher it references (one assembly on .NET and in the gate, two on the device).
    private static IEnumerable<string> CoreSources() =>
        new[] { "Phytrace.Nano", "Phytrace.Nano.Security" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "src", folder), "*.cs", SearchOption.AllDirectories))
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                     && !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    [Fact]
    public void Core_compiles_against_nano_mscorlib_alone()
    {
        var paths = CoreSources().ToList();
        var compilation = SnippetCompiler.Create("Phytrace.Nano", new[] { SnippetCompiler.NanoMscorlib }, paths.Select(File.ReadAllText), paths, SnippetCompiler.NanoParseOptions);
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Theory]
    [MemberData(nameof(ForbiddenApis))]
    public void Forbidden_api_fails_with_an_error_in_the_offending_file(string name, string source)
    {
        var paths = CoreSources().ToList();
        string badPath = Path.Combine(RepoPaths.Root, "src", "Phytrace.Nano", $"Bad{name}.cs");
        var compilation = SnippetCompiler.Create("Phytrace.Nano", new[] { SnippetCompiler.NanoMscorlib },
            paths.Select(File.ReadAllText).Append(source), paths.Append(badPath), SnippetCompiler.NanoParseOptions);

        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Equal(badPath, e.Location.SourceTree?.FilePath));
    }

    /// <summary>
    /// End to end through MSBuild: a copy of the build with one bad file added to the core must
    /// fail `dotnet build` of the nano-compat project, naming the file. One build, about half a minute.
    /// </summary>
    [Fact]
    public void Dotnet_build_of_the_gate_fails_naming_the_bad_file()
    {
        string work = Path.Combine(Path.GetTempPath(), "phytrace-gate-" + Guid.NewGuid().ToString("N"));
        try
        {
            CopyBuildInputs(work);
            File.WriteAllText(Path.Combine(work, "src", "Phytrace.Nano", "BadLinq.cs"), (string)ForbiddenApis.First()[1]);

            var psi = new ProcessStartInfo("dotnet", "build tools/NanoCompat/Core/Phytrace.Nano.NanoCompat.csproj -nologo -v:q -p:NuGetAudit=false")
            {
                WorkingDirectory = work,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(psi)!;
            string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();

            Assert.NotEqual(0, process.ExitCode);
            Assert.Contains("BadLinq.cs", output, StringComparison.Ordinal);
            Assert.Contains("error CS", output, StringComparison.Ordinal);
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        }
    }

    private static void CopyBuildInputs(string work)
    {
        string root = RepoPaths.Root;
        foreach (string file in new[] { "Directory.Build.props", "Directory.Packages.props", "nuget.config", "global.json" })
        {
            Directory.CreateDirectory(work);
            File.Copy(Path.Combine(root, file), Path.Combine(work, file));
        }
        CopyTree(Path.Combine(root, "src", "Phytrace.Nano"), Path.Combine(work, "src", "Phytrace.Nano"));
        CopyTree(Path.Combine(root, "src", "Phytrace.Nano.Security"), Path.Combine(work, "src", "Phytrace.Nano.Security"));
        CopyTree(Path.Combine(root, "tools", "NanoCompat"), Path.Combine(work, "tools", "NanoCompat"));
    }

    private static void CopyTree(string from, string to)
    {
        foreach (string file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(from, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            {
                continue;
            }
            string target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
