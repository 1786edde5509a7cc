namespace Phytrace.Nano.Host.Receiving;

/// <summary>One event out of a received batch: its id, source and its exact JSON text.</summary>
public sealed record DecodedEvent(string EventId, string SourceId, long? SequenceNum, string Json);

/// <summary>A UDM batch envelope as received: its id, declared size, compression and events.</summary>
public sealed record DecodedBatch(string BatchId, int DeclaredSize, string Compression, int PayloadBytes, int JsonBytes, IReadOnlyList<DecodedEvent> Events);

/// <summary>A record a node could not send as an event, published once to phytrace/v1/{source}/quarantine/{sequence}: its stored bytes as they were.</summary>
public sealed record QuarantinedRecord(string SourceId, long Sequence, byte[] Payload);
