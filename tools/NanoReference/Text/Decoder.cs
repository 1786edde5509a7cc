// Reference declaration (signatures only) of nanoFramework.System.Text 1.3.42, namespace System.Text.
// Declared because Encoding.GetDecoder, abstract in the real assembly, returns it; nothing here uses it.

namespace System.Text
{
    public abstract class Decoder
    {
        protected Decoder()
        {
        }

        public abstract void Convert(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex, int charCount, bool flush, out int bytesUsed, out int charsUsed, out bool completed);
    }
}
