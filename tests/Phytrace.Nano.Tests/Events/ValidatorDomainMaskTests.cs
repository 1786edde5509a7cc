using System.Reflection;
using Phytrace.Nano.Events;

namespace Phytrace.Nano.Tests.Events;

/// <summary>
/// The encoder writes a domain when the validator's pass says it is set, not by asking the
/// domain's IsSet (a second read of every field on the device): the two must agree for every
/// field a domain has, set alone, or a field would be dropped from the JSON or an empty object written.
/// </summary>
public class ValidatorDomainMaskTests
{
    public static TheoryData<string, string> Fields()
    {
        var data = new TheoryData<string, string>();
        foreach (FieldInfo domain in DomainFields())
        {
            foreach (FieldInfo field in domain.FieldType.GetFields(BindingFlags.Public | BindingFlags.Instance))
            {
                if (field.FieldType == typeof(Vector3))
                {
                    foreach (string axis in new[] { "X", "Y", "Z" })
                    {
                        data.Add(domain.Name, field.Name + "." + axis);
                    }
                }
                else
                {
                    data.Add(domain.Name, field.Name);
                }
            }
        }
        data.Add("Thermal", "component");
        data.Add("Safety", "violation");
        data.Add("Extensions", "entry");
        return data;
    }

    [Fact]
    public void An_event_with_no_domain_set_has_no_bit()
    {
        Assert.Equal(0, UdmEventValidator.ValidateAndFindDomains(EventSamples.Minimal()));
    }

    [Theory]
    [MemberData(nameof(Fields))]
    public void One_field_set_alone_sets_its_domains_bit_exactly_as_IsSet_says(string domain, string field)
    {
        UdmEvent e = EventSamples.Minimal();
        object target = typeof(UdmEvent).GetField(domain)!.GetValue(e)!;
        SetOne(target, field);
        int mask = UdmEventValidator.ValidateAndFindDomains(e);
        int expected = Expected(e);
        Assert.NotEqual(0, expected);
        Assert.Equal(expected, mask);
    }

    [Fact]
    public void The_typical_event_and_a_full_one_get_the_bits_IsSet_gives()
    {
        UdmEvent e = EventSamples.Minimal();
        foreach (FieldInfo domain in DomainFields())
        {
            foreach (FieldInfo field in domain.FieldType.GetFields(BindingFlags.Public | BindingFlags.Instance))
            {
                SetOne(domain.GetValue(e)!, field.FieldType == typeof(Vector3) ? field.Name + ".Y" : field.Name);
            }
        }
        Assert.Equal(Expected(e), UdmEventValidator.ValidateAndFindDomains(e));
        Assert.Equal(127 | 256 | 512 | 1024 | 2048 | 4096, Expected(e));
    }

    [Fact]
    public void Domains_whose_only_fields_have_no_rule_are_still_written()
    {
        UdmEvent e = EventSamples.Minimal();
        e.Power.IsCharging.Set(true);
        e.Thermal.IsThrottling.Set(false);
        e.Location.Floor.Set(2);
        e.Motion.FrameId = "odom";
        e.Safety.AddViolation("zone", null, null);
        e.Communication.Ssid = "lab";
        var buffer = new byte[1024];
        string json = System.Text.Encoding.UTF8.GetString(buffer, 0, new UdmEventEncoder().Encode(e, buffer, 0, buffer.Length));
        Assert.EndsWith(",\"power\":{\"charging\":{\"is_charging\":true}},\"thermal\":{\"is_throttling\":false},\"location\":{\"floor\":2},"
            + "\"motion\":{\"frame_id\":\"odom\"},\"safety\":{\"violation_count\":1,\"violations\":[{\"type\":\"zone\"}]},\"communication\":{\"network\":{\"ssid\":\"lab\"}}}", json, StringComparison.Ordinal);
    }

    private static int Expected(UdmEvent e)
    {
        return (e.Power.IsSet ? UdmEventValidator.PowerSet : 0)
            | (e.Thermal.IsSet ? UdmEventValidator.ThermalSet : 0)
            | (e.Location.IsSet ? UdmEventValidator.LocationSet : 0)
            | (e.Motion.IsSet ? UdmEventValidator.MotionSet : 0)
            | (e.Safety.IsSet ? UdmEventValidator.SafetySet : 0)
            | (e.Environment.IsSet ? UdmEventValidator.EnvironmentSet : 0)
            | (e.Communication.IsSet ? UdmEventValidator.CommunicationSet : 0)
            | (e.Extensions.Count > 0 ? UdmEventValidator.ExtensionsSet : 0)
            | (e.Power.HasBattery ? UdmEventValidator.BatterySet : 0)
            | (e.Location.HasLocal ? UdmEventValidator.LocalSet : 0)
            | (e.Motion.LinearVelocity.IsSet ? UdmEventValidator.LinearVelocitySet : 0)
            | (e.Motion.AngularVelocity.IsSet ? UdmEventValidator.AngularVelocitySet : 0)
            | (e.Motion.LinearAcceleration.IsSet ? UdmEventValidator.LinearAccelerationSet : 0);
    }

    private static IEnumerable<FieldInfo> DomainFields()
    {
        return typeof(UdmEvent).GetFields(BindingFlags.Public | BindingFlags.Instance)
            .Where(f => f.FieldType.Namespace == typeof(UdmEvent).Namespace && f.FieldType.IsClass && f.FieldType != typeof(UdmExtensions));
    }

    // Sets one field of a domain to a valid value (an optional's flag, a string, an enum's first
    // member after NotSet, one axis of a vector, one list entry).
    private static void SetOne(object domain, string field)
    {
        switch (field)
        {
            case "component":
                ((ThermalDomain)domain).AddComponent("cpu", 40.5);
                return;
            case "violation":
                ((SafetyDomain)domain).AddViolation("zone", null, null);
                return;
            case "entry":
                ((UdmExtensions)domain).SetNumber("custom_x", 1.5);
                return;
        }
        string[] path = field.Split('.');
        FieldInfo info = domain.GetType().GetField(path[0])!;
        if (path.Length == 2)
        {
            SetOne(info.GetValue(domain)!, path[1]);
            return;
        }
        Type type = info.FieldType;
        object value;
        if (type == typeof(string))
        {
            value = "x";
        }
        else if (type.IsEnum)
        {
            value = Enum.ToObject(type, 1);
        }
        else
        {
            value = info.GetValue(domain)!;
            type.GetField("HasValue")!.SetValue(value, true);
            if (type == typeof(OptionalDouble))
            {
                // Valid for every double field (ranges 0..100, -90..90, 0..360, not negative).
                type.GetField("Value")!.SetValue(value, 1.5);
            }
        }
        info.SetValue(domain, value);
    }
}
