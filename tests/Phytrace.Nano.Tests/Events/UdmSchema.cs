using System.Text.Json.Nodes;
using Json.Schema;
using Phytrace.Nano.Tests.Support;

namespace Phytrace.Nano.Tests.Events;

/// <summary>
/// event.schema.json of UDM v0.0.3 with every schema file of that version registered (so the
/// relative $refs resolve), evaluated as draft 2020-12 with format assertions on. The schemas come
/// from ../shared/phyudm: a test using this class is [SkippableFact] or
/// [SkippableTheory] and is reported as skipped where they are missing (see
/// <see cref="SharedMaterial"/>).
/// </summary>
public static class UdmSchema
{
    private static readonly Lazy<(JsonSchema Schema, EvaluationOptions Options)> Loaded = new(Load);

    /// <summary>The schema folder; skips the calling test when it is missing.</summary>
    public static string SchemaDirectory => SharedMaterial.PhyUdm.Require("schemas", "v0.0.3");

    /// <summary>Skips the calling test where the schemas are missing (fails it under PHYTRACE_REQUIRE_SHARED=1).</summary>
    public static void Require()
    {
        _ = SchemaDirectory;
    }

    /// <summary>The validation errors of <paramref name="json"/> (empty when valid).</summary>
    public static IReadOnlyList<string> Errors(string json)
    {
        Require();
        var (schema, options) = Loaded.Value;
        JsonNode? node = JsonNode.Parse(json);
        EvaluationResults results = schema.Evaluate(node, options);
        if (results.IsValid)
        {
            return Array.Empty<string>();
        }
        var errors = new List<string>();
        foreach (EvaluationResults detail in results.Details)
        {
            if (detail.Errors != null)
            {
                foreach (var error in detail.Errors)
                {
                    errors.Add(detail.InstanceLocation + " " + error.Key + ": " + error.Value);
                }
            }
        }
        if (errors.Count == 0)
        {
            errors.Add("invalid (no detail)");
        }
        return errors;
    }

    /// <summary>Fails the test with the schema's errors if <paramref name="json"/> does not validate.</summary>
    public static void AssertValid(string json)
    {
        IReadOnlyList<string> errors = Errors(json);
        Assert.True(errors.Count == 0, "schema errors:\n" + string.Join("\n", errors) + "\nin: " + json);
    }

    private static (JsonSchema, EvaluationOptions) Load()
    {
        var options = new EvaluationOptions
        {
            EvaluateAs = SpecVersion.Draft202012,
            RequireFormatValidation = true,
            OutputFormat = OutputFormat.List,
        };
        JsonSchema? eventSchema = null;
        foreach (string file in Directory.GetFiles(SchemaDirectory, "*.schema.json", SearchOption.AllDirectories))
        {
            JsonSchema schema = JsonSchema.FromFile(file);
            options.SchemaRegistry.Register(schema);
            if (Path.GetFileName(file) == "event.schema.json")
            {
                eventSchema = schema;
            }
        }
        return (eventSchema ?? throw new InvalidOperationException("event.schema.json not found in " + SchemaDirectory), options);
    }
}
