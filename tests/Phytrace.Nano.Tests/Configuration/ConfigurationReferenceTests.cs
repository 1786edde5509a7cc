using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Phytrace.Nano.Configuration;
using Phytrace.Nano.Tests.Support;

namespace Phytrace.Nano.Tests.Configuration;

/// <summary>
/// docs/configuration.md stays true to the code: it has a row for every public settable field of
/// BoardConfig and its sections and none for a field that does not exist, each default is the one a
/// new BoardConfig has, and each plain numeric range ("A to B") is exactly what Validate() accepts.
/// </summary>
public partial class ConfigurationReferenceTests
{
    private sealed record Row(string Path, string MessageName, string Default, string Valid);

    private sealed record Setting(string Path, Type Type, Func<BoardConfig, object?> Get, Action<BoardConfig, object?> Set);

    private static readonly string Reference = Path.Combine(RepoPaths.Root, "docs", "configuration.md");

    [GeneratedRegex(@"^(-?\d+(?:\.\d+)?) to (-?\d+(?:\.\d+)?)$")]
    private static partial Regex PlainRange();

    /// <summary>The table rows of the reference whose first cell is a field path in backticks.</summary>
    private static List<Row> Rows()
    {
        var rows = new List<Row>();
        foreach (string line in File.ReadLines(Reference))
        {
            if (!line.StartsWith("| `", StringComparison.Ordinal))
            {
                continue;
            }
            string[] cells = line.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            rows.Add(new Row(cells[0].Trim('`'), cells[1].Trim('`'), cells[2].Trim('`'), cells[3]));
        }
        return rows;
    }

    /// <summary>Every public settable field and property of BoardConfig and of the sections it holds (Identity, Storage, ...).</summary>
    private static List<Setting> Settings()
    {
        var settings = new List<Setting>();
        AddSettable(settings, typeof(BoardConfig), "", c => c);
        foreach (FieldInfo section in typeof(BoardConfig).GetFields(BindingFlags.Public | BindingFlags.Instance))
        {
            if (section.IsInitOnly && section.FieldType.Namespace == typeof(BoardConfig).Namespace)
            {
                AddSettable(settings, section.FieldType, section.Name + ".", c => section.GetValue(c)!);
            }
        }
        return settings;
    }

    private static void AddSettable(List<Setting> settings, Type type, string prefix, Func<BoardConfig, object> owner)
    {
        foreach (FieldInfo field in type.GetFields(BindingFlags.Public | BindingFlags.Instance).Where(f => !f.IsInitOnly))
        {
            settings.Add(new Setting(prefix + field.Name, field.FieldType, c => field.GetValue(owner(c)), (c, v) => field.SetValue(owner(c), v)));
        }
        foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod?.IsPublic == true))
        {
            settings.Add(new Setting(prefix + property.Name, property.PropertyType, c => property.GetValue(owner(c)), (c, v) => property.SetValue(owner(c), v)));
        }
    }

    /// <summary>A value as it is written in C# (and in the reference's default column).</summary>
    private static string Literal(object? value) => value switch
    {
        null => "null",
        string s => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"",
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture) is var text && (text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal)) ? text : text + ".0",
        Enum e => e.GetType().Name + "." + e,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString()!,
    };

    [Fact]
    public void Every_settable_field_has_one_row_and_every_row_is_a_field()
    {
        List<string> fields = Settings().Select(s => s.Path).Order(StringComparer.Ordinal).ToList();
        List<string> documented = Rows().Select(r => r.Path).Order(StringComparer.Ordinal).ToList();

        Assert.True(fields.Count >= 40, $"only {fields.Count} settable fields found: the reflection above is looking in the wrong place");
        Assert.True(fields.SequenceEqual(documented),
            "docs/configuration.md and the code differ.\nNot documented: " + string.Join(", ", fields.Except(documented)) +
            "\nDocumented but not in the code: " + string.Join(", ", documented.Except(fields)) +
            "\nDocumented twice: " + string.Join(", ", documented.GroupBy(d => d).Where(g => g.Count() > 1).Select(g => g.Key)));
    }

    [Fact]
    public void Every_default_is_what_a_new_board_config_has()
    {
        var config = new BoardConfig();
        Dictionary<string, Setting> settings = Settings().ToDictionary(s => s.Path);
        var wrong = new List<string>();
        foreach (Row row in Rows().Where(r => settings.ContainsKey(r.Path)))
        {
            string actual = Literal(settings[row.Path].Get(config));
            if (row.Default != actual)
            {
                wrong.Add($"{row.Path}: documented {row.Default}, the code has {actual}");
            }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public void Every_plain_numeric_range_is_exactly_what_validate_accepts()
    {
        Dictionary<string, Setting> settings = Settings().ToDictionary(s => s.Path);
        var wrong = new List<string>();
        int probed = 0;
        foreach (Row row in Rows().Where(r => settings.ContainsKey(r.Path) && r.MessageName != "—"))
        {
            Match range = PlainRange().Match(row.Valid);
            Setting setting = settings[row.Path];
            if (!range.Success || (setting.Type != typeof(int) && setting.Type != typeof(double)))
            {
                continue;
            }
            probed++;
            double min = double.Parse(range.Groups[1].Value, CultureInfo.InvariantCulture);
            double max = double.Parse(range.Groups[2].Value, CultureInfo.InvariantCulture);
            bool isInt = setting.Type == typeof(int);
            double below = isInt ? min - 1 : Math.BitDecrement(min);
            double above = isInt ? max + 1 : Math.BitIncrement(max);
            foreach ((double value, bool accepted) in new[] { (min, true), (max, true), (below, false), (above, false) })
            {
                object boxed = isInt ? (object)(int)value : value;
                BoardConfig config = ValidBoardConfig.Create();
                setting.Set(config, boxed);
                bool named = config.Validate().ToString().Split('\n').Any(p => p.StartsWith(row.MessageName + " is ", StringComparison.Ordinal));
                if (named == accepted)
                {
                    wrong.Add($"{row.Path} = {Literal(boxed)}: documented as {(accepted ? "valid" : "invalid")} ({row.Valid}), Validate() {(named ? "names" : "does not name")} {row.MessageName}");
                }
            }
        }
        Assert.True(probed >= 15, $"only {probed} ranges probed: the table format changed?");
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }
}
