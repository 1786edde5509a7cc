// Reference declaration (signatures only) of nanoFramework.System.Net 1.11.60, namespace System.Net.NetworkInformation.
// The Wi-Fi station configuration stored in the device's configuration block (flash); the glue
// reads it to decide whether joining needs to store anything.

using System;

namespace System.Net.NetworkInformation
{
    public class Wireless80211Configuration
    {
        public Wireless80211Configuration(uint id)
        {
            throw new NotImplementedException();
        }

        public static Wireless80211Configuration[] GetAllWireless80211Configurations()
        {
            throw new NotImplementedException();
        }

        public string Ssid
        {
            get { throw new NotImplementedException(); }
            set { throw new NotImplementedException(); }
        }

        public string Password
        {
            get { throw new NotImplementedException(); }
            set { throw new NotImplementedException(); }
        }

        public ConfigurationOptions Options
        {
            get { throw new NotImplementedException(); }
            set { throw new NotImplementedException(); }
        }

        public enum ConfigurationOptions : byte
        {
            None = 0x00,
            Disable = 0x01,
            Enable = 0x02,
            AutoConnect = 0x06,
            SmartConfig = 0x0A,
        }
    }
}
