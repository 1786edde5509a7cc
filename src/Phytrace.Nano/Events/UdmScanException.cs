using System;

namespace Phytrace.Nano.Events
{
    /// <summary>
    /// An already-encoded event was refused: it is not well-formed JSON (RFC 8259, UTF-8), or an
    /// envelope field the node relies on is missing or does not match the UDM schema. The message
    /// names the field, what was expected, and the byte offset where the problem was found.
    /// </summary>
    public sealed class UdmScanException : Exception
    {
        public UdmScanException(string field, string message)
            : this(field, message, -1)
        {
        }

        public UdmScanException(string field, string message, int offset)
            : base(field + ": " + message + (offset >= 0 ? " at byte " + offset.ToString() : string.Empty))
        {
            Field = field;
            Offset = offset;
        }

        /// <summary>"json" for a syntax error, else the envelope field ("event_id", "captured_at", ...).</summary>
        public string Field { get; private set; }

        /// <summary>Byte offset of the problem, counted from the start of the bytes given; -1 if none applies.</summary>
        public int Offset { get; private set; }
    }
}
