using CsCheck;
using Phytrace.Nano.Simulator;

namespace Phytrace.Nano.Tests.Simulator;

public class FaultTimelineTests
{
    [Fact]
    public void Overlapping_windows_keep_a_thing_down_until_the_last_one_ends()
    {
        var timeline = new FaultTimeline(
            [
                new FaultWindow(FaultKind.WifiDrop, 1, 1.0, 3.0, Random: false),
                new FaultWindow(FaultKind.WifiDrop, 1, 2.0, 4.0, Random: true),
                new FaultWindow(FaultKind.BrokerRestart, null, 5.0, 6.0, Random: false),
            ],
            nodeCount: 2);

        Assert.False(timeline.IsWifiDown(1, 0.99));
        Assert.True(timeline.IsWifiDown(1, 1.0));
        Assert.True(timeline.IsWifiDown(1, 3.5));
        Assert.False(timeline.IsWifiDown(1, 4.0));
        Assert.False(timeline.IsWifiDown(0, 2.0));
        Assert.False(timeline.IsPowerOff(1, 2.0));
        Assert.True(timeline.IsBrokerDown(5.5));
        Assert.Equal(2, timeline.ActiveAt(2.5).Count());
        Assert.Equal(6.0, timeline.EndSeconds);
        Assert.Single(timeline.WithoutBrokerRestarts(2).Windows, w => w.Random);
        Assert.Equal(2, timeline.WithoutBrokerRestarts(2).Windows.Count);
    }

    [Fact]
    public void A_window_on_a_node_that_does_not_exist_is_refused_with_the_range()
    {
        var e = Assert.Throws<ArgumentException>(() => new FaultTimeline([new FaultWindow(FaultKind.PowerCut, 3, 1, 2, Random: false)], nodeCount: 3));
        Assert.Contains("node must be 0 to 2, got 3", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new FaultTimeline([new FaultWindow(FaultKind.WifiDrop, 0, 2, 2, Random: false)], nodeCount: 1));
        Assert.Throws<ArgumentException>(() => new FaultTimeline([new FaultWindow(FaultKind.BrokerRestart, 0, 1, 2, Random: false)], nodeCount: 1));
    }

    [Fact]
    public void Scenarios_are_deterministic_for_a_seed_and_end_their_faults_before_the_calm_tail()
    {
        Gen.Select(Gen.Int[1, 8], Gen.Double[5, 120], Gen.ULong, Gen.Enum<ScenarioKind>()).Sample((nodes, seconds, seed, kind) =>
        {
            FaultTimeline a = Scenario.Build(kind, nodes, seconds, seed);
            FaultTimeline b = Scenario.Build(kind, nodes, seconds, seed);
            Assert.Equal(a.Windows, b.Windows);
            Assert.True(a.EndSeconds <= Scenario.FaultsEndFraction * seconds + 1e-9, $"{kind} faults end at {a.EndSeconds} of {seconds}");
            Assert.All(a.Windows, w => Assert.True(w.StartSeconds >= 0.1 * seconds - 1e-9));
        });
    }

    [Fact]
    public void The_default_scenario_has_every_kind_of_fault_and_calm_has_none()
    {
        FaultTimeline stormyDefault = Scenario.Build(ScenarioKind.Default, 3, 24, 42);
        Assert.Equal(
            new[] { FaultKind.WifiDrop, FaultKind.BrokerRestart, FaultKind.PowerCut },
            stormyDefault.Windows.Select(w => w.Kind).Distinct().Order());
        Assert.Contains(stormyDefault.Windows, w => w.Random);
        Assert.Empty(Scenario.Build(ScenarioKind.Calm, 3, 24, 42).Windows);
        Assert.True(Scenario.Build(ScenarioKind.Stormy, 3, 24, 42).Windows.Count(w => w.Kind == FaultKind.PowerCut) == 2);
    }
}
