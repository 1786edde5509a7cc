using Phytrace.Nano.Configuration;
using Phytrace.Nano.Host;
using Phytrace.Nano.Host.Mqtt;

namespace Phytrace.Nano.Simulator;

/// <summary>The BoardConfig of a virtual node.</summary>
public static class SimNodeConfig
{
    /// <summary>
    /// The host node's config (see <see cref="HostBoardConfig"/>; the medium the simulator passes
    /// is the real file) with every record synced (an accepted event is durable, so none may be
    /// lost), the Reject policy (an accepted event is never dropped later), and retries quick
    /// enough that recoveries show within a short run.
    /// </summary>
    public static BoardConfig Create(string sourceId, BrokerAddress broker)
    {
        BoardConfig config = HostBoardConfig.Create("simulator", sourceId, broker.Host, broker.Port);
        config.Storage.SyncEveryRecords = 1;
        config.Storage.SyncIntervalMs = 50;
        config.Storage.OverflowPolicy = StorageSettings.OverflowReject;
        config.Retry.InitialDelayMs = 50;
        config.Retry.MaxDelayMs = 800;
        return config;
    }
}
