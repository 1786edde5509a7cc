// Reference declaration (signatures only) of nanoFramework.System.Device.Wifi 1.5.144, namespace System.Device.Wifi.

namespace System.Device.Wifi
{
    public enum WifiReconnectionKind
    {
        Automatic = 0,
        Manual = 1,
    }
}
