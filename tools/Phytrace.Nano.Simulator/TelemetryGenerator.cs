using Phytrace.Nano.Events;

namespace Phytrace.Nano.Simulator;

/// <summary>
/// Plausible telemetry for one virtual node: a battery draining slowly, a motor warming up, a
/// position moving on a circle, two extension values, and now and then an emergency stop.
/// Deterministic for a seed, so two runs with the same options emit the same values.
/// </summary>
public sealed class TelemetryGenerator
{
    /// <summary>Chance that an event is a safety e-stop instead of periodic telemetry.</summary>
    public const double EStopProbability = 0.01;

    private readonly Random random;
    private readonly int node;
    private long count;

    public TelemetryGenerator(int node, ulong seed)
    {
        this.node = node;
        random = new Random(Scenario.SeedOf(seed) ^ (node * 7919));
    }

    /// <summary>The event type the next event will have (ask before BeginEvent).</summary>
    public UdmEventType NextType() =>
        random.NextDouble() < EStopProbability ? UdmEventType.EmergencyStop : UdmEventType.TelemetryPeriodic;

    /// <summary>Fills the measurements of an event the node has begun.</summary>
    public void Fill(UdmEvent e)
    {
        long i = count++;
        double soc = Math.Max(5, 95 - (node * 3) - (i * 0.01));
        e.Power.BatterySocPct.Set(Math.Round(soc, 2));
        e.Power.BatteryVoltageV.Set(Math.Round(22.0 + (soc * 0.04) + (random.NextDouble() * 0.05), 3));
        e.Power.BatteryCurrentA.Set(Math.Round(-1.5 - (random.NextDouble() * 0.5), 3));

        double motor = 35 + (10 * (1 - Math.Exp(-i / 200.0))) + (random.NextDouble() * 0.4);
        e.Thermal.ThermalState = motor > 44 ? ThermalState.Elevated : ThermalState.Normal;
        e.Thermal.AmbientTempC.Set(Math.Round(21.5 + (node * 0.3), 1));
        e.Thermal.AddComponent("motor", Math.Round(motor, 2));

        double angle = (i * 0.05) + node;
        e.Location.SetLocal(Math.Round(5 * Math.Cos(angle), 3), Math.Round(5 * Math.Sin(angle), 3), 0, "map");
        e.Location.HeadingDeg.Set(Math.Round((angle * 180 / Math.PI) % 360, 1));

        e.Extensions.SetNumber("vibration_rms_g", Math.Round(0.02 + (random.NextDouble() * 0.01), 4));
        e.Extensions.SetInteger("sim_sample", i);

        if (e.EventType == UdmEventType.EmergencyStop)
        {
            e.Safety.SafetyState = SafetyState.EmergencyStop;
            e.Safety.IsSafe.Set(false);
            e.Safety.EStopActive.Set(true);
            e.Safety.EStopType = "software";
        }
    }
}
