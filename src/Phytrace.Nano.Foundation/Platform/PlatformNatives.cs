using System;

namespace Phytrace.Nano.Platform
{
    /// <summary>
    /// The platform seam for the device's natives: an interpreter runs the core's byte loops 100 or
    /// more times slower than native code, and every standard ESP32 firmware has natives for the
    /// two the core runs per event, CRC-32 and UTF-8. The device's start-up code installs them
    /// (Phytrace.Nano.Natives, <c>DeviceNatives.Install()</c>, which Esp32Node.Create calls); the
    /// core keeps its portable forms, which it also uses where they are the better choice (a few
    /// bytes, where the native call costs more than the loop) and everywhere until something is
    /// installed. The core itself references nothing but mscorlib, so it still compiles and runs
    /// against nanoFramework's mscorlib alone.
    /// <para>
    /// <see cref="Use"/> checks each native against the portable form on known inputs first and
    /// refuses one that differs, so a firmware whose native computes something else is caught at
    /// start-up instead of corrupting checksums. Install once at start-up, before other threads run.
    /// </para>
    /// </summary>
    public static class PlatformNatives
    {
        // Read directly by the Foundation's hot paths (Crc32): on the device a property read is a call.
        internal static INativeCrc32? InstalledCrc32;
        internal static INativeUtf8? InstalledUtf8;

        /// <summary>The installed CRC-32 native, or null (portable tables).</summary>
        public static INativeCrc32? Crc32
        {
            get { return InstalledCrc32; }
        }

        /// <summary>The installed UTF-8 native, or null (portable encoder).</summary>
        public static INativeUtf8? Utf8
        {
            get { return InstalledUtf8; }
        }

        /// <summary>
        /// Installs <paramref name="nativeCrc32"/> and <paramref name="nativeUtf8"/> (either may be
        /// null: that one stays portable) after checking that each gives the portable form's
        /// results; throws InvalidOperationException naming the one that does not, and then
        /// installs neither.
        /// </summary>
        public static void Use(INativeCrc32? nativeCrc32, INativeUtf8? nativeUtf8)
        {
            string problem = string.Empty;
            if (nativeCrc32 != null)
            {
                problem = NativeSelfCheck.Crc32Problem(nativeCrc32);
            }
            if (problem.Length == 0 && nativeUtf8 != null)
            {
                problem = NativeSelfCheck.Utf8Problem(nativeUtf8);
            }
            if (problem.Length > 0)
            {
                throw new InvalidOperationException("platform native refused: " + problem);
            }
            InstalledCrc32 = nativeCrc32;
            InstalledUtf8 = nativeUtf8;
        }

        /// <summary>Back to the portable forms (tests, and benchmarks comparing the two).</summary>
        public static void UsePortable()
        {
            InstalledCrc32 = null;
            InstalledUtf8 = null;
        }
    }
}
