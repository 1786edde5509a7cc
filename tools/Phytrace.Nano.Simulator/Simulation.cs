using System.Collections.Concurrent;
using System.Diagnostics;
using Phytrace.Nano.Host.Mqtt;
using Phytrace.Nano.Host.Receiving;
using Spectre.Console;

namespace Phytrace.Nano.Simulator;

/// <summary>
/// A run: starts the broker (embedded unless one is given), a receiver, N virtual nodes on files
/// under the output folder; emits telemetry at the configured rate while the fault timeline plays;
/// then clears every fault and drains until every accepted event has been delivered (or the drain
/// times out); writes summary.json and chart.png and prints the report.
/// </summary>
public sealed class Simulation : IDisposable
{
    private const double TickSeconds = 0.02;
    private const double SampleSeconds = 0.25;
    private const double MaxHoldSeconds = 10;

    private readonly SimulationOptions options;
    private readonly IAnsiConsole console;
    private readonly List<VirtualNode> nodes = new();
    private readonly List<Sample> samples = new();
    private readonly List<string> notes = new();
    private readonly ConcurrentDictionary<string, long> deliveredBySource = new(StringComparer.Ordinal);
    private readonly Stopwatch clock = new();
    private readonly IBroker? broker;
    private readonly bool ownsBroker;
    private readonly BrokerAddress address;
    private readonly FaultTimeline timeline;
    private readonly MqttTlsSettings? tls;
    private BatchReceiver? receiver;
    private long[] attempts = [];
    private bool brokerDown;
    private EmbeddedBroker? holding;
    private long holdSubscriptions;
    private double holdSince;

    private Simulation(SimulationOptions options, IAnsiConsole console)
    {
        this.options = options;
        this.console = console;
        tls = options.ResolveTls();
        FaultTimeline planned = options.Timeline ?? Scenario.Build(options.Scenario, options.Nodes, options.Seconds, options.Seed);
        if (options.BrokerInstance != null)
        {
            broker = options.BrokerInstance;
            address = new BrokerAddress(broker.Host, broker.Port, tls != null);
            timeline = planned;
        }
        else if (options.ExternalBroker is BrokerAddress external)
        {
            address = external;
            timeline = planned.WithoutBrokerRestarts(options.Nodes);
            if (timeline.Windows.Count != planned.Windows.Count)
            {
                notes.Add($"broker restarts skipped: {external} is an external broker, not ours to restart");
            }
        }
        else
        {
            var embedded = new EmbeddedBroker();
            embedded.Start();
            broker = embedded;
            ownsBroker = true;
            address = new BrokerAddress(embedded.Host, embedded.Port);
            timeline = planned;
        }
    }

    /// <summary>
    /// Runs a simulation and returns its report (also printed to <paramref name="console"/>).
    /// Throws ArgumentException listing every bad option, TimeoutException if the broker does not answer.
    /// </summary>
    public static SimulationReport Run(SimulationOptions options, IAnsiConsole console, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(console);
        IReadOnlyList<string> problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, problems));
        }
        using var simulation = new Simulation(options, console);
        return simulation.Execute(cancel);
    }

    public void Dispose()
    {
        foreach (VirtualNode node in nodes)
        {
            node.Dispose();
        }
        receiver?.Dispose();
        if (ownsBroker)
        {
            broker?.Dispose();
        }
    }

    private SimulationReport Execute(CancellationToken cancel)
    {
        string outDir = Path.GetFullPath(options.OutputDirectory);
        Directory.CreateDirectory(outDir);
        receiver = new BatchReceiver(address.Host, address.Port, "phytrace-sim-receiver-" + Guid.NewGuid().ToString("N")[..8], tls: tls);
        receiver.EventReceived += e => deliveredBySource.AddOrUpdate(e.SourceId, 1, (_, n) => n + 1);
        receiver.Start(TimeSpan.FromSeconds(3));

        for (int i = 0; i < options.Nodes; i++)
        {
            string source = $"sim-node-{i + 1}";
            string file = Path.Combine(outDir, source + ".ring");
            // A buffer left by an earlier run would resend its events into this run's numbers.
            File.Delete(file);
            nodes.Add(new VirtualNode(i, source, file, address, options.Seed, tls));
        }
        attempts = new long[nodes.Count];
        foreach (VirtualNode node in nodes)
        {
            node.PowerOn();
        }

        var view = new ProgressView(console);
        clock.Start();
        double drainStarted = 0;
        view.Run(update =>
        {
            double nextSample = 0;
            double nextProgress = 0;
            double emitEnd = options.Seconds;
            while (!cancel.IsCancellationRequested)
            {
                double t = clock.Elapsed.TotalSeconds;
                bool draining = t >= emitEnd;
                ReleaseHeldPublishesOnceSubscribed();
                bool faultsChanged = false;
                if (!draining)
                {
                    faultsChanged = ApplyFaults(t);
                    EmitDue(t);
                }
                else if (drainStarted == 0)
                {
                    drainStarted = t;
                    ClearFaults();
                }
                if (t >= nextSample)
                {
                    samples.Add(TakeSample(t));
                    nextSample += SampleSeconds;
                }
                // A fault starting or ending shows at once, not only at the next tick of the view: a
                // short power cut would otherwise fall between two lines on a busy machine.
                if (t >= nextProgress || faultsChanged)
                {
                    update(Snapshot(t, draining));
                    if (t >= nextProgress)
                    {
                        nextProgress += view.Interval;
                    }
                }
                if (draining && (AllDelivered() || t - drainStarted >= options.DrainTimeoutSeconds))
                {
                    samples.Add(TakeSample(t));
                    update(Snapshot(t, draining));
                    break;
                }
                Thread.Sleep(TimeSpan.FromSeconds(TickSeconds));
            }
        });
        double drainSeconds = clock.Elapsed.TotalSeconds - (drainStarted == 0 ? clock.Elapsed.TotalSeconds : drainStarted);

        SimulationReport report = SimulationReport.Build(options, address, timeline, nodes, receiver, samples, notes, drainSeconds, outDir);
        report.Write(console);
        return report;
    }

    private void EmitDue(double t)
    {
        for (int i = 0; i < nodes.Count; i++)
        {
            long due = (long)Math.Floor(t * options.Rate);
            while (attempts[i] < due)
            {
                nodes[i].EmitNext();
                attempts[i]++;
            }
        }
    }

    /// <summary>Applies the timeline at <paramref name="t"/>; true when a node's power or Wi-Fi changed.</summary>
    private bool ApplyFaults(double t)
    {
        bool changed = false;
        foreach (VirtualNode node in nodes)
        {
            bool off = timeline.IsPowerOff(node.Index, t);
            if (off && node.IsPowered)
            {
                node.CutPower();
                changed = true;
            }
            bool wifiUp = !timeline.IsWifiDown(node.Index, t);
            if (wifiUp != node.IsWifiUp)
            {
                node.SetWifi(wifiUp);
                changed = true;
            }
            if (!off && !node.IsPowered)
            {
                node.PowerOn();
                changed = true;
            }
        }
        SetBroker(down: broker != null && timeline.IsBrokerDown(t));
        return changed;
    }

    private void ClearFaults()
    {
        SetBroker(down: false);
        foreach (VirtualNode node in nodes)
        {
            node.SetWifi(true);
            node.PowerOn();
        }
    }

    private void SetBroker(bool down)
    {
        ReleaseHeldPublishesOnceSubscribed();
        if (broker == null || down == brokerDown)
        {
            return;
        }
        brokerDown = down;
        if (down)
        {
            broker.Stop();
            return;
        }
        // The broker forgets subscriptions on restart: hold the nodes' publishes until our receiver
        // has subscribed again, as a persistent subscriber session on a real deployment would ensure.
        // The hold is released from a later tick, so emitting and other faults go on meanwhile.
        if (broker is EmbeddedBroker embedded)
        {
            embedded.HoldPublishes();
            holding = embedded;
            holdSubscriptions = receiver!.Subscriptions;
            holdSince = clock.Elapsed.TotalSeconds;
        }
        broker.Start();
    }

    private void ReleaseHeldPublishesOnceSubscribed()
    {
        if (holding == null)
        {
            return;
        }
        bool resubscribed = receiver!.Subscriptions > holdSubscriptions;
        if (resubscribed || clock.Elapsed.TotalSeconds - holdSince > MaxHoldSeconds)
        {
            if (!resubscribed)
            {
                notes.Add($"the receiver had not subscribed again {MaxHoldSeconds} s after a broker restart (connected: {receiver.IsConnected}, last reconnect failure: {receiver.LastReconnectFailure ?? "none"}); publishes released anyway");
            }
            holding.ReleasePublishes();
            holding = null;
        }
    }

    private bool AllDelivered()
    {
        foreach (VirtualNode node in nodes)
        {
            if (deliveredBySource.GetValueOrDefault(node.SourceId) < node.Accepted)
            {
                return false;
            }
        }
        return true;
    }

    private Sample TakeSample(double t) => new(
        t,
        nodes.Select(n => n.Buffered).ToArray(),
        nodes.Sum(n => n.Accepted),
        nodes.Sum(n => deliveredBySource.GetValueOrDefault(n.SourceId)));

    private ProgressSnapshot Snapshot(double t, bool draining) => new(
        t,
        options.Seconds,
        draining,
        nodes.Select(n => new NodeProgress(n.SourceId, n.State, n.Buffered, n.Accepted, deliveredBySource.GetValueOrDefault(n.SourceId))).ToList(),
        nodes.Sum(n => n.Accepted),
        nodes.Sum(n => deliveredBySource.GetValueOrDefault(n.SourceId)),
        receiver?.Duplicates ?? 0,
        draining ? [] : timeline.ActiveAt(t).Select(w => w.Describe()).ToList());
}
