using System.Text;
using System.Text.Json.Nodes;
using Json.Schema;
using Phytrace.Nano.Formats;

namespace Phytrace.Nano.Host.Udm;

/// <summary>
/// JSON Schema's "date-time" format held to RFC 3339 section 5.6 as the device reads it: JsonSchema.Net's
/// own check accepts what RFC 3339 forbids (Feb 30, hour 24, offset +24:00, a space instead of 'T',
/// a leap second at any minute). This replaces it with <see cref="Rfc3339Reader"/>, the same code
/// the node uses for captured_at, so host and device agree on every date-time.
/// </summary>
public static class StrictDateTimeFormat
{
    private static int registered;

    /// <summary>
    /// Registers the strict "date-time" format in JsonSchema.Net's (process-wide) format registry.
    /// Schemas read afterwards use it; call before loading any schema. Idempotent.
    /// </summary>
    public static void Register()
    {
        if (Interlocked.Exchange(ref registered, 1) == 0)
        {
            Json.Schema.Formats.Register(new PredicateFormat("date-time", Check));
        }
    }

    /// <summary>True if <paramref name="text"/> is an RFC 3339 date-time.</summary>
    public static bool IsValid(string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        return Rfc3339Reader.TryParse(bytes, 0, bytes.Length, out _);
    }

    private static bool Check(JsonNode? node, out string? errorMessage)
    {
        errorMessage = null;
        // The format applies to strings only; other types are the "type" keyword's business.
        if (node is not JsonValue value || !value.TryGetValue(out string? text))
        {
            return true;
        }
        if (IsValid(text))
        {
            return true;
        }
        errorMessage = $"\"{text}\" is not an RFC 3339 date-time: expected YYYY-MM-DDTHH:MM:SS[.fraction] then Z or +HH:MM/-HH:MM, "
            + "with a day that exists in its month, hour 00-23, minute 00-59, second 00-59 (60 only at 23:59 UTC) and an offset up to 23:59";
        return false;
    }
}
