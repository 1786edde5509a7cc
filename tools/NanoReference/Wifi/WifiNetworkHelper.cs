// Reference declaration (signatures only) of nanoFramework.System.Device.Wifi 1.5.144, namespace nanoFramework.Networking.

using System;
using System.Device.Wifi;
using System.Threading;

namespace nanoFramework.Networking
{
    public static class WifiNetworkHelper
    {
        /// <summary>Joins the network with DHCP; false on failure (details in the package's Status).</summary>
        public static bool ConnectDhcp(string ssid, string password, WifiReconnectionKind reconnectionKind, bool requiresDateTime, int wifiAdapterId, CancellationToken token)
        {
            throw new NotImplementedException();
        }

        /// <summary>Re-joins the network stored on the device.</summary>
        public static bool Reconnect(bool requiresDateTime, int wifiAdapterId, CancellationToken token)
        {
            throw new NotImplementedException();
        }
    }
}
