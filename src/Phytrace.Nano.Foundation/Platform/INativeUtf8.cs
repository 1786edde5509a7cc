namespace Phytrace.Nano.Platform
{
    /// <summary>
    /// UTF-8 encoding of a whole string by firmware native code, such as nanoFramework.System.Text
    /// on every standard ESP32 image. Installed with <see cref="PlatformNatives.Use"/>; the core's
    /// portable per-character encoder is used otherwise.
    /// </summary>
    public interface INativeUtf8
    {
        /// <summary>
        /// Writes <paramref name="text"/> as UTF-8 at target[offset ..] (the caller leaves room for
        /// three bytes per character) and returns the bytes written, or -1 if the text is not valid
        /// UTF-16 (a lone surrogate), which the caller then reports itself.
        /// </summary>
        int Encode(string text, byte[] target, int offset);
    }
}
