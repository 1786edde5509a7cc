using System.Text.Json.Nodes;
using Json.Schema;

namespace Phytrace.Nano.Host.Udm;

/// <summary>
/// Validates events against the UDM v0.0.3 JSON Schemas (draft 2020-12, formats asserted). The
/// schemas are read from a phyudm checkout's schemas/v0.0.3 folder (see <see cref="UdmSchemaLocation"/>
/// for how tools find it); every schema file is registered by its $id so the $refs resolve.
/// </summary>
public sealed class UdmSchemaValidator
{
    private const string EventSchemaId = "https://schemas.phyudm.org/v0.0.3/event.schema.json";

    private readonly JsonSchema eventSchema;
    private readonly EvaluationOptions options;

    public UdmSchemaValidator(string schemaDirectory)
    {
        if (!Directory.Exists(schemaDirectory))
        {
            throw new DirectoryNotFoundException($"UDM schema folder '{schemaDirectory}' not found (expected phyudm's schemas/v0.0.3)");
        }
        options = new EvaluationOptions
        {
            OutputFormat = OutputFormat.List,
            RequireFormatValidation = true,
            EvaluateAs = SpecVersion.Draft202012,
        };
        JsonSchema? root = null;
        foreach (string file in Directory.EnumerateFiles(schemaDirectory, "*.schema.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            JsonSchema schema = JsonSchema.FromFile(file);
            options.SchemaRegistry.Register(schema);
            if (schema.GetId()?.ToString() == EventSchemaId)
            {
                root = schema;
            }
        }
        eventSchema = root ?? throw new InvalidDataException($"no schema with $id {EventSchemaId} in '{schemaDirectory}'");
    }

    /// <summary>Validates one event's JSON text; returns the errors (empty when valid), each naming the location.</summary>
    public IReadOnlyList<string> Validate(string json)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (System.Text.Json.JsonException e)
        {
            return new[] { "not JSON: " + e.Message };
        }
        EvaluationResults results = eventSchema.Evaluate(node, options);
        if (results.IsValid)
        {
            return Array.Empty<string>();
        }
        var errors = new List<string>();
        foreach (EvaluationResults detail in results.Details ?? (IReadOnlyList<EvaluationResults>)Array.Empty<EvaluationResults>())
        {
            if (detail.Errors == null)
            {
                continue;
            }
            foreach (KeyValuePair<string, string> error in detail.Errors)
            {
                string at = detail.InstanceLocation.ToString();
                errors.Add($"{(at.Length == 0 ? "/" : at)}: {error.Value} ({error.Key})");
            }
        }
        if (errors.Count == 0)
        {
            errors.Add("invalid against " + EventSchemaId);
        }
        return errors;
    }
}
