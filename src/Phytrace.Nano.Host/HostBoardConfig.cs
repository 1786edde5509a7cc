using Phytrace.Nano.Configuration;

namespace Phytrace.Nano.Host;

/// <summary>The BoardConfig of a node running on the host (tests, the simulator).</summary>
public static class HostBoardConfig
{
    /// <summary>
    /// A host node: ring on "internal flash" (no SD wiring; on the host the path is only validated,
    /// the medium passed in NodePlatform is what is used), 1 MiB of 256-byte slots, every record
    /// synced, fast retries and a breaker that opens after 3 failures for 1 s.
    /// </summary>
    public static BoardConfig Create(string boardName, string sourceId, string host, int port)
    {
        var config = new BoardConfig { BoardName = boardName };
        config.Identity.SourceId = sourceId;
        config.Identity.SourceType = "custom";
        config.Storage.Drive = StorageSettings.InternalFlashDrive;
        config.Storage.FilePath = "I:\\phytrace\\events.ring";
        config.Storage.MaxSizeMb = 1;
        config.Storage.RecordSize = 256;
        config.Storage.SyncEveryRecords = 1;
        config.Storage.SyncIntervalMs = 20;
        config.Wifi.Ssid = "host-loopback";
        config.Mqtt.Host = host;
        config.Mqtt.Port = port;
        config.Mqtt.ClientId = sourceId;
        config.Mqtt.KeepAliveSeconds = 5;
        config.Retry.InitialDelayMs = 20;
        config.Retry.MaxDelayMs = 400;
        config.Breaker.FailureThreshold = 3;
        config.Breaker.RecoveryTimeoutSec = 1.0;
        config.Breaker.HalfOpenRequests = 1;
        config.Batch.MaxBatchSize = 50;
        return config;
    }
}
