using System.Text;
using Phytrace.Nano.Platform;

namespace Phytrace.Nano.Natives
{
    /// <summary>
    /// The firmware's UTF-8 encoder (nanoFramework.System.Text) for the JSON writer's strings. On
    /// the device a string cannot hold a lone surrogate (it becomes U+FFFD when the string is
    /// made), so every string the writer sees is valid UTF-16.
    /// </summary>
    public sealed class NativeUtf8 : INativeUtf8
    {
        // The core is banned from Encoding (mscorlib has none); this assembly exists to call the
        // package that provides it.
#pragma warning disable RS0030
        private readonly Encoding utf8 = Encoding.UTF8;

        /// <inheritdoc />
        public int Encode(string text, byte[] target, int offset)
        {
            return utf8.GetBytes(text, 0, text.Length, target, offset);
        }
#pragma warning restore RS0030
    }
}
