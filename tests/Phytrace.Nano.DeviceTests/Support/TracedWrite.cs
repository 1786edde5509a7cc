namespace Phytrace.Nano.DeviceTests
{
    /// <summary>One call that reached a medium: a Write with a copy of its bytes, or a Flush.</summary>
    public sealed class TracedWrite
    {
        /// <summary>True for a Flush (a sync point: what was written before it is durable).</summary>
        public readonly bool IsFlush;

        /// <summary>Where the bytes go (Writes only).</summary>
        public readonly long Position;

        /// <summary>The bytes written, copied when the call was made (Writes only).</summary>
        public readonly byte[] Data;

        /// <summary>The test's operation that made the call (see <see cref="TracingMedium.Operation"/>).</summary>
        public readonly int Operation;

        public TracedWrite(bool isFlush, long position, byte[] data, int operation)
        {
            IsFlush = isFlush;
            Position = position;
            Data = data;
            Operation = operation;
        }
    }
}
