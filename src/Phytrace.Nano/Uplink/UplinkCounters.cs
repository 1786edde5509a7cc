namespace Phytrace.Nano.Uplink
{
    /// <summary>What the uplink has done since start; read with <see cref="CopyTo"/> for a consistent snapshot.</summary>
    public sealed class UplinkCounters
    {
        public long EventsSent;
        public long BatchesSent;
        public long SendFailures;
        public long Connects;
        public long ConnectFailures;
        public long ErrorReports;
        public long CompressedBytesSent;
        public long EnvelopeBytesSent;

        /// <summary>Records set aside because they could not be sent as events, then published to the quarantine topic and removed.</summary>
        public long Quarantined;

        /// <summary>Quarantined records the broker would not take on the quarantine topic either: removed, counted here and reported.</summary>
        public long QuarantineDropped;

        /// <summary>Buffer sequence of the last record quarantined (or dropped from quarantine); -1 if none.</summary>
        public long LastQuarantinedSequence = -1;

        /// <summary>Why the last record was quarantined; null if none.</summary>
        public string? LastQuarantineReason;

        public void CopyTo(UplinkCounters target)
        {
            target.EventsSent = EventsSent;
            target.BatchesSent = BatchesSent;
            target.SendFailures = SendFailures;
            target.Connects = Connects;
            target.ConnectFailures = ConnectFailures;
            target.ErrorReports = ErrorReports;
            target.CompressedBytesSent = CompressedBytesSent;
            target.EnvelopeBytesSent = EnvelopeBytesSent;
            target.Quarantined = Quarantined;
            target.QuarantineDropped = QuarantineDropped;
            target.LastQuarantinedSequence = LastQuarantinedSequence;
            target.LastQuarantineReason = LastQuarantineReason;
        }
    }
}
