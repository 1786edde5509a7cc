using Phytrace.Nano.Formats;

namespace Phytrace.Nano.Batching
{
    /// <summary>
    /// The fixed text of the UDM batch envelope
    /// {"batch":{"batch_id":"…","batch_size":N,"first_event_at":"…","last_event_at":"…","compression":"gzip","events":[…]}}
    /// as ASCII bytes, and the arithmetic of its size. phyudm v0.0.3 has no batch schema; this is
    /// the shape the design names.
    /// </summary>
    internal static class BatchEnvelope
    {
        public static readonly byte[] Open = TextChars.AsciiBytes("{\"batch\":{\"batch_id\":\"");
        public static readonly byte[] BatchSize = TextChars.AsciiBytes("\",\"batch_size\":");
        public static readonly byte[] FirstEventAt = TextChars.AsciiBytes(",\"first_event_at\":\"");
        public static readonly byte[] LastEventAt = TextChars.AsciiBytes("\",\"last_event_at\":\"");
        public static readonly byte[] Compression = TextChars.AsciiBytes("\",\"compression\":\"");
        public static readonly byte[] Events = TextChars.AsciiBytes("\",\"events\":[");
        public static readonly byte[] Close = TextChars.AsciiBytes("]}}");
        public static readonly byte[] Gzip = TextChars.AsciiBytes("gzip");
        public static readonly byte[] None = TextChars.AsciiBytes("none");

        /// <summary>Most digits of batch_size (it is at most 10000).</summary>
        public const int MaxSizeDigits = 5;

        /// <summary>Bytes of everything before the first event when batch_size has <paramref name="digits"/> digits.</summary>
        public static int HeaderLength(int digits)
        {
            return Open.Length + 36 + BatchSize.Length + digits + FirstEventAt.Length + 27 + LastEventAt.Length + 27
                + Compression.Length + 4 + Events.Length;
        }

        public static int DigitCount(int value)
        {
            int digits = 1;
            while (value >= 10)
            {
                value /= 10;
                digits++;
            }
            return digits;
        }

        /// <summary>Writes <paramref name="value"/> (not negative) in decimal at buffer[offset]; returns the end.</summary>
        public static int WriteDecimal(int value, byte[] buffer, int offset)
        {
            int digits = DigitCount(value);
            for (int i = digits - 1; i >= 0; i--)
            {
                buffer[offset + i] = (byte)('0' + (value % 10));
                value /= 10;
            }
            return offset + digits;
        }

        public static int Put(byte[] text, byte[] buffer, int offset)
        {
            System.Array.Copy(text, 0, buffer, offset, text.Length);
            return offset + text.Length;
        }
    }
}
