using Phytrace.Nano.Platform;

namespace Phytrace.Nano.Natives
{
    /// <summary>
    /// Installs the firmware natives every standard ESP32 image has (CRC-32, UTF-8) behind the
    /// core's platform seam. Call once at start-up, before the node is built; Esp32Node.Create
    /// does. Throws InvalidOperationException if a native does not give the portable form's
    /// results (see <see cref="PlatformNatives.Use"/>).
    /// </summary>
    public static class DeviceNatives
    {
        public static void Install()
        {
            PlatformNatives.Use(new NativeCrc32(), new NativeUtf8());
        }
    }
}
