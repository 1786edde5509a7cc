using System;

namespace Phytrace.Nano.Events
{
    /// <summary>Who emits the events: the node's source_id and source_type, optional session and SDK version.</summary>
    public sealed class NodeIdentity
    {
        public NodeIdentity(string sourceId, UdmSourceType sourceType, string? sessionId, string? sdkVersion)
        {
            if (sourceId == null || sourceId.Length == 0 || sourceId.Length > UdmEventValidator.MaxSourceIdLength)
            {
                throw new ArgumentException("source_id must be 1 to 256 characters", nameof(sourceId));
            }
            if (!UdmSourceTypeNames.IsDefined(sourceType))
            {
                throw new ArgumentOutOfRangeException(nameof(sourceType), "source_type must be one of the 18 UDM source types");
            }
            SourceId = sourceId;
            SourceType = sourceType;
            SessionId = sessionId;
            SdkVersion = sdkVersion;
        }

        public string SourceId { get; private set; }

        public UdmSourceType SourceType { get; private set; }

        /// <summary>session_id written on every event; null leaves it out.</summary>
        public string? SessionId { get; private set; }

        /// <summary>sdk_version written on every event; null leaves it out.</summary>
        public string? SdkVersion { get; private set; }
    }
}
