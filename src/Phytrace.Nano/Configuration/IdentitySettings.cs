using Phytrace.Nano.Formats;

namespace Phytrace.Nano.Configuration
{
    /// <summary>Who the node is: the UDM envelope's source_id and source_type, and its fleet.</summary>
    public sealed class IdentitySettings
    {
        /// <summary>Longest source_id accepted.</summary>
        public const int MaxSourceIdLength = 256;

        /// <summary>Unique id of the emitting source; also a topic level (phytrace/v1/{source_id}/events).</summary>
        public string SourceId = string.Empty;

        /// <summary>One of <see cref="SourceTypes"/> (UDM source_type), e.g. "amr".</summary>
        public string SourceType = "custom";

        /// <summary>Fleet the robot belongs to; empty for none.</summary>
        public string Fleet = string.Empty;

        internal void Validate(ConfigProblems problems)
        {
            if (SourceId == null || SourceId.Length == 0)
            {
                problems.Add(ConfigText.Problem("identity.source_id", "empty", "1 to 256 characters naming this node"));
            }
            else
            {
                if (SourceId.Length > MaxSourceIdLength)
                {
                    problems.Add(ConfigText.Problem("identity.source_id", SourceId.Length.ToString() + " characters long", "at most 256 characters"));
                }
                if (TextChars.Contains(SourceId, '/') || TextChars.Contains(SourceId, '+') || TextChars.Contains(SourceId, '#') || TextChars.Contains(SourceId, '\0'))
                {
                    problems.Add(ConfigText.Problem("identity.source_id", ConfigText.Quote(SourceId), "no '/', '+', '#' or NUL character (it is one MQTT topic level)"));
                }
            }
            if (!SourceTypes.IsKnown(SourceType))
            {
                problems.Add(ConfigText.Problem("identity.source_type", ConfigText.Quote(SourceType), "a UDM source type such as \"amr\", \"agv\", \"drone\" or \"custom\""));
            }
            if (Fleet == null || Fleet.Length > MaxSourceIdLength)
            {
                problems.Add(ConfigText.Problem("identity.fleet", Fleet == null ? "null" : Fleet.Length.ToString() + " characters long", "empty or at most 256 characters"));
            }
        }
    }
}
