namespace Phytrace.Nano.Events
{
    /// <summary>
    /// UDM "communication" domain (10-communication): the node's network link (communication.network)
    /// and its own PhyTrace connection and buffer status (communication.phytrace).
    /// </summary>
    public sealed class CommunicationDomain
    {
        /// <summary>communication.network.type (e.g. "wifi"); null leaves it out.</summary>
        public string? NetworkType;
        /// <summary>communication.network.connected.</summary>
        public OptionalBool NetworkConnected;
        /// <summary>communication.network.rssi_dbm.</summary>
        public OptionalLong RssiDbm;
        /// <summary>communication.network.ssid; null leaves it out.</summary>
        public string? Ssid;
        /// <summary>communication.phytrace.connected (MQTT session up).</summary>
        public OptionalBool PhytraceConnected;
        /// <summary>communication.phytrace.buffered_events, not negative.</summary>
        public OptionalLong BufferedEvents;
        /// <summary>communication.phytrace.buffer_bytes_used, not negative.</summary>
        public OptionalLong BufferBytesUsed;
        /// <summary>communication.phytrace.buffer_capacity_bytes, not negative.</summary>
        public OptionalLong BufferCapacityBytes;
        /// <summary>communication.phytrace.dropped_events, not negative.</summary>
        public OptionalLong DroppedEvents;

        public bool HasNetwork
        {
            get { return NetworkType != null || NetworkConnected.HasValue || RssiDbm.HasValue || Ssid != null; }
        }

        public bool HasPhytrace
        {
            get { return PhytraceConnected.HasValue || BufferedEvents.HasValue || BufferBytesUsed.HasValue || BufferCapacityBytes.HasValue || DroppedEvents.HasValue; }
        }

        public bool IsSet
        {
            get { return HasNetwork || HasPhytrace; }
        }

        public void Reset()
        {
            NetworkType = null;
            NetworkConnected.HasValue = false;
            RssiDbm.HasValue = false;
            Ssid = null;
            PhytraceConnected.HasValue = false;
            BufferedEvents.HasValue = false;
            BufferBytesUsed.HasValue = false;
            BufferCapacityBytes.HasValue = false;
            DroppedEvents.HasValue = false;
        }
    }
}
