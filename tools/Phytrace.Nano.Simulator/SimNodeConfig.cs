using Phytrace.Nano.Configuration;
using Phytrace.Nano.Host.Mqtt;

namespace Phytrace.Nano.Simulator;

/// <summary>The BoardConfig of a virtual node.</summary>
public static class SimNodeConfig
{
    /// <summary>
    /// A host node: ring on "internal flash" (on the host the path is only validated; the medium
    /// the simulator passes is the real file), every record synced (an accepted event is durable,
    /// so none may be lost), the Reject policy (an accepted event is never dropped later), and
    /// quick retries so recoveries show within a short run.
    /// </summary>
    public static BoardConfig Create(string sourceId, BrokerAddress broker)
    {
        var config = new BoardConfig { BoardName = "simulator" };
        config.Identity.SourceId = sourceId;
        config.Identity.SourceType = "custom";
        config.Storage.Drive = StorageSettings.InternalFlashDrive;
        config.Storage.FilePath = "I:\\phytrace\\events.ring";
        config.Storage.MaxSizeMb = 1;
        config.Storage.RecordSize = 256;
        config.Storage.SyncEveryRecords = 1;
        config.Storage.SyncIntervalMs = 50;
        config.Storage.OverflowPolicy = StorageSettings.OverflowReject;
        config.Wifi.Ssid = "simulated";
        config.Mqtt.Host = broker.Host;
        config.Mqtt.Port = broker.Port;
        config.Mqtt.ClientId = sourceId;
        config.Mqtt.KeepAliveSeconds = 5;
        config.Retry.InitialDelayMs = 50;
        config.Retry.MaxDelayMs = 800;
        config.Breaker.FailureThreshold = 3;
        config.Breaker.RecoveryTimeoutSec = 1.0;
        config.Breaker.HalfOpenRequests = 1;
        config.Batch.MaxBatchSize = 50;
        return config;
    }
}
