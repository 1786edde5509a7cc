// Reference declaration (signatures only) of nanoFramework.System.Net 1.11.60, namespace System.Net.NetworkInformation.

using System;

namespace System.Net.NetworkInformation
{
    public delegate void NetworkAvailabilityChangedEventHandler(object sender, NetworkAvailabilityEventArgs e);

    public delegate void NetworkAddressChangedEventHandler(object sender, EventArgs e);

    public static class NetworkChange
    {
        public static event NetworkAvailabilityChangedEventHandler NetworkAvailabilityChanged;

        public static event NetworkAddressChangedEventHandler NetworkAddressChanged;
    }

    public class NetworkAvailabilityEventArgs : EventArgs
    {
        private NetworkAvailabilityEventArgs()
        {
            throw new NotImplementedException();
        }

        public bool IsAvailable
        {
            get { throw new NotImplementedException(); }
        }
    }
}
