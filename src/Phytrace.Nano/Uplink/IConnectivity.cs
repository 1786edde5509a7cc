namespace Phytrace.Nano.Uplink
{
    /// <summary>Raised when the network comes up or goes down.</summary>
    public delegate void ConnectivityChangedHandler(bool isUp);

    /// <summary>
    /// Whether the node has a network (Wi-Fi associated with an IP address). The uplink waits on
    /// this instead of polling the broker. On ESP32 the glue combines NetworkChange events with a
    /// periodic check, since the events are not always raised.
    /// </summary>
    public interface IConnectivity
    {
        /// <summary>True while the network is up.</summary>
        bool IsUp { get; }

        /// <summary>Raised on every change of <see cref="IsUp"/>.</summary>
        event ConnectivityChangedHandler Changed;
    }
}
