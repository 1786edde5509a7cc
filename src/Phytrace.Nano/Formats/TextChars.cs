namespace Phytrace.Nano.Formats
{
    /// <summary>
    /// Reads the UTF-16 units of a string the same way on .NET and on nanoCLR. nanoCLR keeps strings
    /// as UTF-8 and its indexer returns the high surrogate at a low surrogate's position
    /// ("\uD83D\uDE00"[1] is '\uD83D'); ToCharArray() is right, and so is ToCharArray(start, n)
    /// unless it cuts a pair in two (then both halves read as U+0000). This is the only type of the
    /// core that uses the indexer: the IL audit reports any other use (docs/device-differences.md).
    /// </summary>
    public static class TextChars
    {
        /// <summary>
        /// The unit at <paramref name="index"/>, exact unless it is a surrogate: on nanoCLR both
        /// halves of a pair read as the high one, so a caller that meets a surrogate
        /// (<see cref="IsSurrogate"/>) must take the text's units from ToCharArray() instead.
        /// Allocates nothing.
        /// </summary>
        public static char OutsideSurrogates(string text, int index)
        {
            return text[index];
        }

        /// <summary>The unit at <paramref name="index"/>, exact on both runtimes; allocates a copy of the text when it is a surrogate.</summary>
        public static char At(string text, int index)
        {
            char c = text[index];
            return IsSurrogate(c) ? text.ToCharArray()[index] : c;
        }

        /// <summary>The bytes of ASCII <paramref name="text"/> (constants built once; allocates).</summary>
        public static byte[] AsciiBytes(string text)
        {
            char[] chars = text.ToCharArray();
            var bytes = new byte[chars.Length];
            for (int i = 0; i < chars.Length; i++)
            {
                bytes[i] = (byte)chars[i];
            }
            return bytes;
        }

        /// <summary>True for either half of a surrogate pair (U+D800 to U+DFFF).</summary>
        public static bool IsSurrogate(char c)
        {
            return c >= '\uD800' && c <= '\uDFFF';
        }
    }
}
