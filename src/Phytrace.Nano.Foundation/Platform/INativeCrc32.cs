namespace Phytrace.Nano.Platform
{
    /// <summary>
    /// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320: the gzip and slot checksum) computed by
    /// firmware native code, such as nanoFramework.System.IO.Hashing on every standard ESP32 image.
    /// Installed with <see cref="PlatformNatives.Use"/>; the core's portable tables are used otherwise.
    /// </summary>
    public interface INativeCrc32
    {
        /// <summary>CRC-32 of buffer[offset .. offset+count); the core never asks for fewer than one byte.</summary>
        uint Compute(byte[] buffer, int offset, int count);
    }
}
