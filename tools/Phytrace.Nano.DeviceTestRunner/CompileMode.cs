namespace Phytrace.Nano.DeviceTestRunner;

/// <summary>
/// How the core and the tests are compiled for one device run. The runtime behaves differently in
/// the two (a fresh string[] slot compared with null, unsigned casts), so both run every time.
/// </summary>
public sealed record CompileMode(string Name, string Description, IReadOnlyList<string> CompilerOptions)
{
    /// <summary>As a Debug deployment from Visual Studio: unoptimised, DEBUG and TRACE defined.</summary>
    public static CompileMode Debug { get; } = new("debug", "unoptimised, DEBUG defined", new[] { "-define:DEBUG;TRACE" });

    /// <summary>As a Release deployment: optimised.</summary>
    public static CompileMode Release { get; } = new("release", "optimised", new[] { "-define:TRACE", "-optimize" });

    public static IReadOnlyList<CompileMode> All { get; } = new[] { Debug, Release };

    /// <summary>The modes a --mode value names: debug, release or both.</summary>
    public static IReadOnlyList<CompileMode>? Parse(string value) => value switch
    {
        "debug" => new[] { Debug },
        "release" => new[] { Release },
        "both" => All,
        _ => null,
    };
}
