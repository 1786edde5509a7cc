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
    /// station reconnects by itself (WifiReconnectionKind.Automatic, stored with the network).
    /// <para>
    /// Joining writes flash only when it must: WifiNetworkHelper.ConnectDhcp stores SSID and
    /// password in the configuration block every time the station is not already connected to
    /// that SSID, which at boot it never is. So when the stored configuration already holds this
    /// network with auto-connect (WifiSettings.IsStored), <see cref="Start"/> only waits for it
    /// (WifiNetworkHelper.Reconnect, which writes nothing); the first boot, or a changed network,
    /// stores it once.
    /// </para>
    /// </summary>
    public sealed class WifiConnectivity : IConnectivity, IDisposable
    {
        /// <summary>Default period of the address check.</summary>
        public const int DefaultCheckPeriodMs = 5000;

        // The settable signal the core already has; this class only decides when to flip it.
        private readonly SimulatedConnectivity state = new SimulatedConnectivity(false);
        private readonly WifiSettings network = new WifiSettings();
        private readonly int checkPeriodMs;
        private Timer? checkTimer;
        private bool joinedFromStoredConfiguration;

        /// <summary>Joins <paramref name="ssid"/> when started; checks the address every <paramref name="checkPeriodMs"/>.</summary>
        public WifiConnectivity(string ssid, string password, int checkPeriodMs)
        {
            network.Ssid = ssid;
            network.Password = password;
            this.checkPeriodMs = checkPeriodMs;
        }

        /// <summary>For the network a (validated) BoardConfig names, checked every 5 s.</summary>
        public static WifiConnectivity FromSettings(WifiSettings settings)
        {
            return new WifiConnectivity(settings.Ssid, settings.Password, DefaultCheckPeriodMs);
        }

        /// <summary>True when the last <see cref="Start"/> used the stored configuration and wrote nothing.</summary>
        public bool JoinedFromStoredConfiguration
        {
            get { return joinedFromStoredConfiguration; }
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
            joinedFromStoredConfiguration = IsStoredOnDevice();
            using (var timeout = new CancellationTokenSource(connectTimeoutMs))
            {
                joined = joinedFromStoredConfiguration
                    ? WifiNetworkHelper.Reconnect(false, 0, timeout.Token)
                    : WifiNetworkHelper.ConnectDhcp(network.Ssid, network.Password, WifiReconnectionKind.Automatic, false, 0, timeout.Token);
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

        /// <summary>Whether the Wi-Fi interface's stored configuration already joins <see cref="network"/> by itself.</summary>
        private bool IsStoredOnDevice()
        {
            NetworkInterface? wifi = FindWifiInterface();
            if (wifi == null)
            {
                return false;
            }
            Wireless80211Configuration[] stored = Wireless80211Configuration.GetAllWireless80211Configurations();
            uint index = wifi.SpecificConfigId;
            if (index >= stored.Length)
            {
                return false;
            }
            Wireless80211Configuration configuration = stored[index];
            bool autoConnect = (configuration.Options & Wireless80211Configuration.ConfigurationOptions.AutoConnect) == Wireless80211Configuration.ConfigurationOptions.AutoConnect;
            return network.IsStored(configuration.Ssid, configuration.Password, autoConnect);
        }

        private static NetworkInterface? FindWifiInterface()
        {
            NetworkInterface[] interfaces = NetworkInterface.GetAllNetworkInterfaces();
            for (int i = 0; i < interfaces.Length; i++)
            {
                if (interfaces[i].NetworkInterfaceType == NetworkInterfaceType.Wireless80211)
                {
                    return interfaces[i];
                }
            }
            return null;
        }

        private static bool HasWifiAddress()
        {
            NetworkInterface? wifi = FindWifiInterface();
            string? address = wifi == null ? null : wifi.IPv4Address;
            return address != null && address.Length != 0 && address != "0.0.0.0";
        }
    }
}
