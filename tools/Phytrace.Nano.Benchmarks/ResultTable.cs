using Spectre.Console;

namespace Phytrace.Nano.Benchmarks;

/// <summary>
/// Rows of "case, metric, Phytrace.Nano value, baseline value, ratio, goal" printed as one table.
/// The ratio is value / baseline; the goal column says which way is better and what is expected.
/// </summary>
public sealed class ResultTable
{
    private readonly List<string[]> rows = new();

    public ResultTable(string title, string baselineName)
    {
        Title = title;
        BaselineName = baselineName;
    }

    public string Title { get; }

    public string BaselineName { get; }

    public IReadOnlyList<string[]> Rows => rows;

    /// <summary>Adds a measured row; a baseline of NaN prints as "-" with no ratio.</summary>
    public void Add(string caseName, string metric, double value, double baseline, string goal = "")
    {
        string ratio = double.IsNaN(baseline) || baseline == 0 ? "-" : (value / baseline).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
        rows.Add(new[] { caseName, metric, Format(value), double.IsNaN(baseline) ? "-" : Format(baseline), ratio, goal });
    }

    public void Print()
    {
        var table = new Table().Title(Title).Border(TableBorder.Rounded);
        table.AddColumn("case");
        table.AddColumn("metric");
        table.AddColumn(new TableColumn("Phytrace.Nano").RightAligned());
        table.AddColumn(new TableColumn(BaselineName).RightAligned());
        table.AddColumn(new TableColumn("ratio").RightAligned());
        table.AddColumn("goal");
        foreach (string[] row in rows)
        {
            table.AddRow(row.Select(Markup.Escape).ToArray());
        }
        AnsiConsole.Write(table);
    }

    private static string Format(double v)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        double a = Math.Abs(v);
        return a >= 1000 ? v.ToString("N0", inv) : a >= 10 ? v.ToString("0.0", inv) : v.ToString("0.000", inv);
    }
}
