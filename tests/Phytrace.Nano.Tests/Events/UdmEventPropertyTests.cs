using System.Text.Json;
using CsCheck;
using Phytrace.Nano.Events;

namespace Phytrace.Nano.Tests.Events;

/// <summary>
/// Random events (random Unicode strings, extreme numbers) encode to JSON that System.Text.Json
/// reads back to the same values (doubles bit-exact) and that validates against the phyudm schema.
/// PHYTRACE_LONG_TESTS=1 runs 20x more samples.
/// </summary>
public class UdmEventPropertyTests
{
    private static readonly int Iterations = Environment.GetEnvironmentVariable("PHYTRACE_LONG_TESTS") == "1" ? 4000 : 200;

    // Text a nanoFramework string can hold: no U+0000 (it ends a string there), no lone surrogates.
    private static readonly Gen<string> UnicodeString =
        Gen.Int[1, 0x10FFFF].Where(c => c < 0xD800 || c > 0xDFFF).Select(char.ConvertFromUtf32).Array[0, 24].Select(p => string.Concat(p));

    private static readonly Gen<string> SourceId =
        Gen.Int[1, 0x10FFFF].Where(c => c < 0xD800 || c > 0xDFFF).Select(char.ConvertFromUtf32).Array[1, 100].Select(p => string.Concat(p)).Where(s => s.Length <= 256);

    /// <summary>Any finite double: random bit patterns plus the edge values.</summary>
    private static readonly Gen<double> AnyFinite = Gen.Frequency(
        (6, Gen.Long.Select(BitConverter.Int64BitsToDouble).Where(double.IsFinite)),
        (2, Gen.Double[-1e6, 1e6]),
        (1, Gen.OneOfConst(0.0, -0.0, double.Epsilon, -double.Epsilon, double.MaxValue, -double.MaxValue, 2.2250738585072014e-308, 1e21, 1e-7, 0.1 + 0.2, (double)3.3f)));

    /// <summary>
    /// For fields with a schema minimum: JsonSchema.Net compares those as System.Decimal and throws
    /// beyond about 7.9e28, so magnitudes stay below that (the writer's extremes are covered by the
    /// unconstrained fields and by JsonNumberTests).
    /// </summary>
    private static readonly Gen<double> NonNegative = Gen.Frequency(
        (4, Gen.Double[0, 1e28]),
        (1, Gen.OneOfConst(0.0, double.Epsilon, 2.2250738585072014e-308, 1e-300, 1e21)));

    private sealed record Sample(
        UdmEventType Type, UdmSourceType Source, string SourceId, string Session, long Sequence, long CapturedAt,
        double Soc, double Voltage, double Lat, double Lon, double Heading, double X, double Speed, double Ambient,
        string Frame, string ExtString, double ExtNumber, long ExtInteger, bool ExtBool, string ViolationType, long Rssi);

    private static readonly Gen<Sample> Samples =
        Gen.Select(Gen.Int[0, 17], Gen.Int[0, 17], SourceId, UnicodeString, Gen.Long[0, long.MaxValue], Gen.Long[-62135596800000000L, 253402300799999999L])
        .SelectMany(a => Gen.Select(Gen.Double[0, 100], AnyFinite, Gen.Double[-90, 90], Gen.Double[-180, 180], Gen.Double[0, 359.999], AnyFinite, NonNegative, AnyFinite)
        .SelectMany(b => Gen.Select(UnicodeString, UnicodeString, AnyFinite, Gen.Long, Gen.Bool, UnicodeString.Where(s => s.Length > 0), Gen.Long)
        .Select(c => new Sample((UdmEventType)a.Item1, (UdmSourceType)a.Item2, a.Item3, a.Item4, a.Item5, a.Item6,
            b.Item1, b.Item2, b.Item3, b.Item4, b.Item5, b.Item6, b.Item7, b.Item8,
            c.Item1, c.Item2, c.Item3, c.Item4, c.Item5, c.Item6, c.Item7))));

    [Fact]
    public void Random_events_read_back_exactly()
    {
        Samples.Sample(s => AssertReadsBack(s, EventSamples.Encode(Build(s))), iter: Iterations);
    }

    [SkippableFact]
    public void Random_events_validate_against_the_phyudm_schema()
    {
        UdmSchema.Require(); // before sampling: a skip inside CsCheck would count as a failing sample
        Samples.Sample(s => UdmSchema.AssertValid(EventSamples.Encode(Build(s))), iter: Iterations);
    }

    private static UdmEvent Build(Sample s)
    {
        var e = new UdmEvent();
        e.Reset();
        e.EventType = s.Type;
        e.SourceType = s.Source;
        e.SourceId = s.SourceId;
        e.SessionId = s.Session;
        e.SequenceNum.Set(s.Sequence);
        e.SetCapturedAt(s.CapturedAt, true);
        e.EventId[0] = 1;
        e.HasEventId = true;
        e.Power.BatterySocPct.Set(s.Soc);
        e.Power.BatteryVoltageV.Set(s.Voltage);
        e.Location.SetGeo(s.Lat, s.Lon);
        e.Location.HeadingDeg.Set(s.Heading);
        e.Location.SetLocal(s.X, -s.X, 0, s.Frame);
        e.Motion.SpeedMps.Set(s.Speed);
        e.Thermal.AmbientTempC.Set(s.Ambient);
        e.Safety.AddViolation(s.ViolationType, s.Frame, null);
        e.Communication.RssiDbm.Set(s.Rssi);
        e.Extensions.SetString("custom_s", s.ExtString);
        e.Extensions.SetNumber("custom_n", s.ExtNumber);
        e.Extensions.SetInteger("custom_i", s.ExtInteger);
        e.Extensions.SetBoolean("custom_b", s.ExtBool);
        return e;
    }

    private static void AssertReadsBack(Sample s, string json)
    {
        using var doc = JsonDocument.Parse(json);
        JsonElement r = doc.RootElement;
        Assert.Equal(UdmEventTypeNames.ToUdm(s.Type), r.GetProperty("event_type").GetString());
        Assert.Equal(UdmSourceTypeNames.ToUdm(s.Source), r.GetProperty("source_type").GetString());
        Assert.Equal(s.SourceId, r.GetProperty("source_id").GetString());
        Assert.Equal(s.Session, r.GetProperty("session_id").GetString());
        Assert.Equal(s.Sequence, r.GetProperty("sequence_num").GetInt64());
        DateTime captured = r.GetProperty("captured_at").GetDateTime();
        Assert.Equal(s.CapturedAt, (captured.ToUniversalTime().Ticks - DateTime.UnixEpoch.Ticks) / 10);
        AssertBits(s.Soc, r.GetProperty("power").GetProperty("battery").GetProperty("soc_pct"));
        AssertBits(s.Voltage, r.GetProperty("power").GetProperty("battery").GetProperty("voltage_v"));
        AssertBits(s.Lat, r.GetProperty("location").GetProperty("latitude"));
        AssertBits(s.Lon, r.GetProperty("location").GetProperty("longitude"));
        AssertBits(s.Heading, r.GetProperty("location").GetProperty("heading_deg"));
        AssertBits(s.X, r.GetProperty("location").GetProperty("local").GetProperty("x_m"));
        AssertBits(-s.X, r.GetProperty("location").GetProperty("local").GetProperty("y_m"));
        Assert.Equal(s.Frame, r.GetProperty("location").GetProperty("frame_id").GetString());
        AssertBits(s.Speed, r.GetProperty("motion").GetProperty("speed_mps"));
        AssertBits(s.Ambient, r.GetProperty("thermal").GetProperty("ambient_temp_c"));
        Assert.Equal(s.ViolationType, r.GetProperty("safety").GetProperty("violations")[0].GetProperty("type").GetString());
        Assert.Equal(s.Rssi, r.GetProperty("communication").GetProperty("network").GetProperty("rssi_dbm").GetInt64());
        JsonElement ext = r.GetProperty("extensions");
        Assert.Equal(s.ExtString, ext.GetProperty("custom_s").GetString());
        AssertBits(s.ExtNumber, ext.GetProperty("custom_n"));
        Assert.Equal(s.ExtInteger, ext.GetProperty("custom_i").GetInt64());
        Assert.Equal(s.ExtBool, ext.GetProperty("custom_b").GetBoolean());
    }

    private static void AssertBits(double expected, JsonElement element)
    {
        double actual = element.GetDouble();
        Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual),
            $"{expected:R} came back as {actual:R} from {element.GetRawText()}");
    }
}
