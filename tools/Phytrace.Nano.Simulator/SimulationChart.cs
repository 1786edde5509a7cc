using ScottPlot;

namespace Phytrace.Nano.Simulator;

/// <summary>
/// chart.png: the buffer depth of each node (left axis) and the cumulative events emitted and
/// delivered (right axis) over time, with every outage shaded by kind and the drain marked.
/// </summary>
public static class SimulationChart
{
    public const int Width = 1400;
    public const int Height = 700;

    public static void Save(string path, IReadOnlyList<string> sources, IReadOnlyList<Sample> samples, FaultTimeline timeline, double emitSeconds)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(timeline);
        var plot = new Plot();
        double[] xs = samples.Select(s => s.Seconds).ToArray();

        double depthTop = Math.Max(10, samples.Count == 0 ? 0 : samples.Max(s => s.Buffered.DefaultIfEmpty(0).Max())) * 1.3;
        ShadeOutages(plot, sources, timeline, depthTop);

        var marker = plot.Add.VerticalLine(emitSeconds, 1.5f, Colors.Gray, LinePattern.Dashed);
        marker.LegendText = "emitting ends, drain";

        for (int n = 0; n < sources.Count; n++)
        {
            double[] depth = samples.Select(s => (double)s.Buffered[n]).ToArray();
            var line = plot.Add.ScatterLine(xs, depth);
            line.LegendText = $"buffered: {sources[n]}";
            line.LineWidth = 2;
            line.Color = plot.Add.Palette.GetColor(n);
        }

        var emitted = plot.Add.ScatterLine(xs, samples.Select(s => (double)s.Accepted).ToArray());
        emitted.LegendText = "emitted (cumulative, right axis)";
        emitted.Color = Colors.DarkGray;
        emitted.LinePattern = LinePattern.Dotted;
        emitted.LineWidth = 2;
        emitted.Axes.YAxis = plot.Axes.Right;

        var delivered = plot.Add.ScatterLine(xs, samples.Select(s => (double)s.Delivered).ToArray());
        delivered.LegendText = "delivered (cumulative, right axis)";
        delivered.Color = Colors.Black;
        delivered.LineWidth = 3;
        delivered.Axes.YAxis = plot.Axes.Right;

        plot.Title("Phytrace.Nano simulator: buffer depth and delivery over time");
        plot.XLabel("time (s)");
        plot.YLabel("events in buffer");
        plot.Axes.Right.Label.Text = "events (cumulative)";
        plot.Axes.SetLimitsY(0, depthTop, plot.Axes.Left);
        plot.Axes.SetLimitsY(0, Math.Max(10, samples.Count == 0 ? 0 : samples.Max(s => Math.Max(s.Accepted, s.Delivered))) * 1.05, plot.Axes.Right);
        plot.Axes.SetLimitsX(0, xs.Length == 0 ? emitSeconds : xs[^1]);
        plot.ShowLegend(Edge.Right);
        plot.SavePng(path, Width, Height);
    }

    private static void ShadeOutages(Plot plot, IReadOnlyList<string> sources, FaultTimeline timeline, double top)
    {
        var labelled = new HashSet<string>(StringComparer.Ordinal);
        int row = 0;
        foreach (FaultWindow w in timeline.Windows)
        {
            Color color = w.Kind switch
            {
                FaultKind.WifiDrop => Colors.Orange,
                FaultKind.BrokerRestart => Colors.Red,
                _ => Colors.Purple,
            };
            var span = plot.Add.HorizontalSpan(w.StartSeconds, w.EndSeconds);
            span.FillStyle.Color = color.WithAlpha(w.Kind == FaultKind.WifiDrop ? 0.12 : 0.2);
            span.LineStyle.Width = 0;
            // Labels at the top, stepped down one row per window so overlapping outages stay readable.
            string label = w.Node is int n ? $"{FaultKindNames.ToLabel(w.Kind)}: {sources[n]}" : FaultKindNames.ToLabel(w.Kind);
            var text = plot.Add.Text(label, w.StartSeconds, top * (0.985 - (0.045 * (row++ % 5))));
            text.LabelFontSize = 11;
            text.LabelFontColor = color.Darken(0.4);
            text.LabelAlignment = Alignment.UpperLeft;
            string kind = FaultKindNames.ToLabel(w.Kind);
            if (labelled.Add(kind))
            {
                span.LegendText = kind;
            }
        }
    }
}
