using Phytrace.Nano.Reliability;
using Phytrace.Nano.Storage;
using Phytrace.Nano.Transport;

namespace Phytrace.Nano.Tests.Storage;

/// <summary>A real in-memory transport: keeps every event it accepts; can be told to be offline or to fail sends.</summary>
internal sealed class CollectingTransport : IEventTransport
{
    public List<(long Sequence, string Id, byte[] Payload)> Received { get; } = new();

    public bool IsConnected { get; set; } = true;

    /// <summary>Sends fail once this many batches have been accepted (null: never).</summary>
    public int? FailAfterBatches { get; set; }

    public int Batches { get; private set; }

    public bool Send(BufferedEvents events, BatchSendResult result)
    {
        if (FailAfterBatches is int limit && Batches >= limit)
        {
            result.Fail(events.Count, ErrorType.ServerError, "broker unavailable (test)");
            return false;
        }
        for (int i = 0; i < events.Count; i++)
        {
            Received.Add((events.Sequence(i), events.EventIdString(i), events.Payload.AsSpan(events.PayloadOffset(i), events.PayloadLength(i)).ToArray()));
        }
        Batches++;
        result.Sent += events.Count;
        result.Batches++;
        return true;
    }
}
