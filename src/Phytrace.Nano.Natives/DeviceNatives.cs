using System;
using Phytrace.Nano.Platform;

namespace Phytrace.Nano.Natives
{
    /// <summary>
    /// Installs the firmware natives every standard ESP32 image has (CRC-32, UTF-8) behind the
    /// core's platform seam. Call once at start-up, before the node is built; Esp32Node.Create
    /// does.
    /// </summary>
    public static class DeviceNatives
    {
        /// <summary>
        /// Installs both; throws InvalidOperationException if a native does not give the portable
        /// form's results (see <see cref="PlatformNatives.Use"/>), and then installs neither.
        /// </summary>
        public static void Install()
        {
            PlatformNatives.Use(new NativeCrc32(), new NativeUtf8());
        }

        /// <summary>
        /// Installs both if they pass the check; otherwise (a native that computes something else,
        /// or a firmware without one, whose call throws) keeps the portable forms, correct and only
        /// slower, and returns the problem. Returns an empty string when the natives are in use.
        /// </summary>
        public static string TryInstall()
        {
            try
            {
                Install();
                return string.Empty;
            }
            catch (Exception e)
            {
                PlatformNatives.UsePortable();
                return e.Message.Length > 0 ? e.Message : e.GetType().FullName;
            }
        }
    }
}
