namespace Phytrace.Nano.Benchmarks;

/// <summary>A capability's benchmark: measures the library and a baseline in the same run.</summary>
public interface IBenchmark
{
    /// <summary>Short name used on the command line ("buffer", "gzip", ...).</summary>
    string Name { get; }

    /// <summary>One line: what is measured against what.</summary>
    string Description { get; }

    /// <summary>Runs and returns the result table. <paramref name="quick"/> shrinks sizes for a smoke run.</summary>
    ResultTable Run(bool quick);
}
