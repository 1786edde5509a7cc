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
        }
    }
}
