using Phytrace.Nano.Storage;

namespace Phytrace.Nano.Transport
{
    /// <summary>
    /// Sends buffered events somewhere and says, synchronously, whether they were acknowledged.
    /// EdgeBuffer.Flush removes events only after a successful send. The MQTT transport builds a
    /// gzip UDM batch from the events and waits for the PUBACK.
    /// </summary>
    public interface IEventTransport
    {
        /// <summary>True when a send has a chance (connected to the receiver).</summary>
        bool IsConnected { get; }

        /// <summary>
        /// Sends all events in <paramref name="events"/> as one batch and fills <paramref name="result"/>
        /// (reset by the caller). Returns true only if every event was acknowledged.
        /// </summary>
        bool Send(BufferedEvents events, BatchSendResult result);
    }
}
