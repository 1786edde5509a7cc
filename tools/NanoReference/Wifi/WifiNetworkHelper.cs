// Reference declaration (signatures only) of nanoFramework.System.Device.Wifi 1.5.144, namespace nanoFramework.Networking.

using System;
using System.Device.Wifi;
using System.Threading;

namespace nanoFramework.Networking
{
    public static class WifiNetworkHelper
    {
        /// <summary>
        /// Joins the network with DHCP; false on failure (details in the package's Status). Unless the
        /// station already has an address on this SSID it also stores SSID and password in the
        /// device's configuration block in flash (Wireless80211Configuration.SaveConfiguration).
        /// </summary>
        public static bool ConnectDhcp(string ssid, string password, WifiReconnectionKind reconnectionKind = WifiReconnectionKind.Automatic, bool requiresDateTime = false, int wifiAdapterId = 0, CancellationToken token = default)
        {
            throw new NotImplementedException();
        }

        /// <summary>Waits for the network stored on the device (the station joins it at boot when stored with AutoConnect); writes nothing.</summary>
        public static bool Reconnect(bool requiresDateTime = false, int wifiAdapterId = 0, CancellationToken token = default)
        {
            throw new NotImplementedException();
        }
    }
}
