using System;

namespace Phytrace.Nano.Events
{
    /// <summary>An already-encoded event lacks a field the buffer needs, or is not a JSON object; names the field or position.</summary>
    public sealed class UdmScanException : Exception
    {
        public UdmScanException(string field, string message)
            : base(field + ": " + message)
        {
            Field = field;
        }

        /// <summary>"event_id", "captured_at" or "json".</summary>
        public string Field { get; private set; }
    }
}
