namespace Phytrace.Nano.Configuration
{
    /// <summary>The Wi-Fi network the node joins (WPA2-PSK or open).</summary>
    public sealed class WifiSettings
    {
        /// <summary>Network name, 1 to 32 characters.</summary>
        public string Ssid = string.Empty;

        /// <summary>Passphrase: 8 to 63 characters, or empty for an open network.</summary>
        public string Password = string.Empty;

        /// <summary>
        /// Whether the Wi-Fi configuration stored on the device already joins this network by
        /// itself: same SSID and password, stored with auto-connect. Then joining needs no flash
        /// write (WifiNetworkHelper.ConnectDhcp stores SSID and password every time it is not
        /// already connected to that SSID, so calling it at each boot wears the flash).
        /// </summary>
        public bool IsStored(string? storedSsid, string? storedPassword, bool storedAutoConnect)
        {
            return storedAutoConnect && storedSsid == Ssid && storedPassword == Password;
        }

        internal void Validate(ConfigProblems problems)
        {
            if (Ssid == null || Ssid.Length == 0 || Ssid.Length > 32)
            {
                string value = Ssid == null || Ssid.Length == 0 ? "empty" : Ssid.Length.ToString() + " characters long";
                problems.Add(ConfigText.Problem("wifi.ssid", value, "the network name, 1 to 32 characters"));
            }
            if (Password == null || (Password.Length != 0 && (Password.Length < 8 || Password.Length > 63)))
            {
                string value = Password == null ? "null" : Password.Length.ToString() + " characters long";
                problems.Add(ConfigText.Problem("wifi.password", value, "8 to 63 characters (WPA2), or empty for an open network"));
            }
        }
    }
}
