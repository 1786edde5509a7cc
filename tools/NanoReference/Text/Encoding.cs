// Reference declaration (signatures only) of nanoFramework.System.Text 1.3.42, namespace System.Text.
// nanoFramework's mscorlib 1.17.11 has no Encoding; this package provides UTF-8 with a native encoder,
// which src/Phytrace.Nano.Natives uses for the JSON writer's strings.

namespace System.Text
{
    public abstract class Encoding
    {
        protected Encoding()
        {
        }

        public static Encoding UTF8
        {
            get { throw new NotImplementedException(); }
        }

        public virtual int GetBytes(string s, int charIndex, int charCount, byte[] bytes, int byteIndex)
        {
            throw new NotImplementedException();
        }

        public abstract Decoder GetDecoder();
    }
}
