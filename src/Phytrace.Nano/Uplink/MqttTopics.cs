using System;
using Phytrace.Nano.Formats;

namespace Phytrace.Nano.Uplink
{
    /// <summary>
    /// The node's topics, built once: phytrace/v1/{source_id}/events for gzip batches and
    /// phytrace/v1/{source_id}/status for the retained online/offline status.
    /// </summary>
    public sealed class MqttTopics
    {
        /// <summary>Builds the topics; source_id must be non-empty and free of MQTT wildcards and '/'.</summary>
        public MqttTopics(string sourceId)
        {
            if (sourceId == null || sourceId.Length == 0)
            {
                throw new ArgumentException("source_id must not be empty: it names the node's MQTT topics", nameof(sourceId));
            }
            for (int i = 0; i < sourceId.Length; i++)
            {
                char c = TextChars.OutsideSurrogates(sourceId, i); // a surrogate is none of the four either way
                if (c == '/' || c == '+' || c == '#' || c == '\0')
                {
                    throw new ArgumentException("source_id '" + sourceId + "' contains '" + c + "', which MQTT topics cannot carry in one level", nameof(sourceId));
                }
            }
            SourceId = sourceId;
            Events = "phytrace/v1/" + sourceId + "/events";
            Status = "phytrace/v1/" + sourceId + "/status";
        }

        public string SourceId { get; }

        /// <summary>Where batches go (QoS 1, not retained).</summary>
        public string Events { get; }

        /// <summary>Where the retained status and the Last Will go.</summary>
        public string Status { get; }
    }
}
