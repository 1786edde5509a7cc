// Reference declaration (signatures only) of nanoFramework.System.Net 1.11.60, namespace System.Net.NetworkInformation.
// Enum values are the real ones but are never deployed: the .nfproj build recompiles the glue
// against the package itself.

using System;

namespace System.Net.NetworkInformation
{
    public enum NetworkInterfaceType
    {
        Unknown = 1,
        Ethernet = 6,
        Wireless80211 = 71,
        WirelessAP = 72,
    }

    public class NetworkInterface
    {
        protected NetworkInterface(int interfaceIndex)
        {
            throw new NotImplementedException();
        }

        public static NetworkInterface[] GetAllNetworkInterfaces()
        {
            throw new NotImplementedException();
        }

        public NetworkInterfaceType NetworkInterfaceType
        {
            get { throw new NotImplementedException(); }
        }

        public string IPv4Address
        {
            get { throw new NotImplementedException(); }
        }

        /// <summary>Index of this interface's Wireless80211Configuration.</summary>
        public uint SpecificConfigId
        {
            get { throw new NotImplementedException(); }
            set { throw new NotImplementedException(); }
        }
    }
}
