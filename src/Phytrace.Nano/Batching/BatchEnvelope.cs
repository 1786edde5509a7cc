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
        public static readonly byte[] Open = Ascii("{\"batch\":{\"batch_id\":\"");
        public static readonly byte[] BatchSize = Ascii("\",\"batch_size\":");
        public static readonly byte[] FirstEventAt = Ascii(",\"first_event_at\":\"");
        public static readonly byte[] LastEventAt = Ascii("\",\"last_event_at\":\"");
        public static readonly byte[] Compression = Ascii("\",\"compression\":\"");
        public static readonly byte[] Events = Ascii("\",\"events\":[");
        public static readonly byte[] Close = Ascii("]}}");
        public static readonly byte[] Gzip = Ascii("gzip");
        public static readonly byte[] None = Ascii("none");

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

        private static byte[] Ascii(string text)
        {
            var bytes = new byte[text.Length];
            for (int i = 0; i < text.Length; i++)
            {
                bytes[i] = (byte)text[i];
            }
            return bytes;
        }
    }
}
