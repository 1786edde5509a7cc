using System;
using System.Device.Wifi;
using System.Net.NetworkInformation;
using System.Threading;
using nanoFramework.Networking;
using Phytrace.Nano.Configuration;
using Phytrace.Nano.Uplink;

namespace Phytrace.Nano.Esp32.Uplink
{
    /// <summary>
    /// Whether the ESP32 has Wi-Fi with an IP address. NetworkChange events are not always raised
    /// on ESP32, so a timer also looks at the Wi-Fi interface's address every few seconds; either
    /// source updates the same state and <see cref="Changed"/> fires once per real change. The
    /// station reconnects by itself (WifiReconnectionKind.Automatic).
    /// </summary>
    public sealed class WifiConnectivity : IConnectivity, IDisposable
    {
        /// <summary>Default period of the address check.</summary>
        public const int DefaultCheckPeriodMs = 5000;

        // The settable signal the core already has; this class only decides when to flip it.
        private readonly SimulatedConnectivity state = new SimulatedConnectivity(false);
        private readonly string ssid;
        private readonly string password;
        private readonly int checkPeriodMs;
        private Timer? checkTimer;

        /// <summary>Joins <paramref name="ssid"/> when started; checks the address every <paramref name="checkPeriodMs"/>.</summary>
        public WifiConnectivity(string ssid, string password, int checkPeriodMs)
        {
            this.ssid = ssid;
            this.password = password;
            this.checkPeriodMs = checkPeriodMs;
        }

        /// <summary>For the network a (validated) BoardConfig names, checked every 5 s.</summary>
        public static WifiConnectivity FromSettings(WifiSettings settings)
        {
            return new WifiConnectivity(settings.Ssid, settings.Password, DefaultCheckPeriodMs);
        }

        /// <inheritdoc />
        public bool IsUp
        {
            get { return state.IsUp; }
        }

        /// <inheritdoc />
        public event ConnectivityChangedHandler Changed
        {
            add { state.Changed += value; }
            remove { state.Changed -= value; }
        }

        /// <summary>
        /// Starts watching, then tries to join the network for up to <paramref name="connectTimeoutMs"/>.
        /// Returns whether the node is online; when not, the station keeps retrying and the
        /// signal turns up when it succeeds.
        /// </summary>
        public bool Start(int connectTimeoutMs)
        {
            NetworkChange.NetworkAvailabilityChanged += OnAvailabilityChanged;
            checkTimer = new Timer(OnCheck, null, checkPeriodMs, checkPeriodMs);
            bool joined;
            using (var timeout = new CancellationTokenSource(connectTimeoutMs))
            {
                joined = WifiNetworkHelper.ConnectDhcp(ssid, password, WifiReconnectionKind.Automatic, false, 0, timeout.Token);
            }
            Refresh();
            return joined && state.IsUp;
        }

        /// <summary>Stops watching (the station stays joined).</summary>
        public void Dispose()
        {
            NetworkChange.NetworkAvailabilityChanged -= OnAvailabilityChanged;
            Timer? timer = checkTimer;
            checkTimer = null;
            if (timer != null)
            {
                timer.Dispose();
            }
        }

        private void OnAvailabilityChanged(object sender, NetworkAvailabilityEventArgs e)
        {
            // The event can report "available" before DHCP has given an address: re-check.
            Refresh();
        }

        private void OnCheck(object? unused)
        {
            Refresh();
        }

        private void Refresh()
        {
            state.Set(HasWifiAddress());
        }

        private static bool HasWifiAddress()
        {
            NetworkInterface[] interfaces = NetworkInterface.GetAllNetworkInterfaces();
            for (int i = 0; i < interfaces.Length; i++)
            {
                NetworkInterface candidate = interfaces[i];
                if (candidate.NetworkInterfaceType != NetworkInterfaceType.Wireless80211)
                {
                    continue;
                }
                string address = candidate.IPv4Address;
                if (address != null && address.Length != 0 && address != "0.0.0.0")
                {
                    return true;
                }
            }
            return false;
        }
    }
}
