using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Phytrace.Nano.Tests.Support;

/// <summary>Compiles C# snippets in memory with Roslyn, against nanoFramework's mscorlib or .NET's.</summary>
public static class SnippetCompiler
{
    public static MetadataReference NanoMscorlib => MetadataReference.CreateFromFile(RepoPaths.NanoMscorlib);

    public static IReadOnlyList<MetadataReference> DotNetReferences { get; } =
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) == "netstandard.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToList();

    /// <summary>Compiles, failing the test with the diagnostics if compilation fails.</summary>
    public static byte[] Compile(string assemblyName, IEnumerable<MetadataReference> references, params string[] sources)
        => Compile(assemblyName, references, optimize: false, sources);

    /// <summary>Compiles unoptimised (as a Debug build) or optimised (as Release).</summary>
    public static byte[] Compile(string assemblyName, IEnumerable<MetadataReference> references, bool optimize, params string[] sources)
    {
        CSharpCompilation compilation = Create(assemblyName, references, sources);
        if (optimize)
        {
            compilation = compilation.WithOptions(compilation.Options.WithOptimizationLevel(OptimizationLevel.Release));
        }
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        if (!result.Success)
        {
            throw new InvalidOperationException("snippet did not compile:\n" + string.Join("\n", result.Diagnostics));
        }
        return stream.ToArray();
    }

    /// <summary>The symbols tools/NanoCompat/NanoCompat.targets defines for the device build.</summary>
    public static CSharpParseOptions NanoParseOptions { get; } = new(preprocessorSymbols: new[] { "NANOFRAMEWORK_1_0" });

    public static CSharpCompilation Create(string assemblyName, IEnumerable<MetadataReference> references, IEnumerable<string> sources, IEnumerable<string>? paths = null,
        CSharpParseOptions? parseOptions = null)
    {
        string[] pathArray = paths?.ToArray() ?? Array.Empty<string>();
        var trees = sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, parseOptions, path: i < pathArray.Length ? pathArray[i] : $"snippet{i}.cs"));
        return CSharpCompilation.Create(
            assemblyName,
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true));
    }

    public static PEReader Reader(byte[] image) => new(new MemoryStream(image));
}
