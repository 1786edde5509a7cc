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

        /// <summary>
        /// The first index of <paramref name="value"/> in <paramref name="text"/> at or after
        /// <paramref name="startIndex"/>, or -1, the same on both runtimes. nanoCLR's String.IndexOf
        /// (and LastIndexOf) finds nothing that lies after a character outside the BMP
        /// ("ab\uD83D\uDE00cd".IndexOf("cd") is -1 there), so text holding a surrogate is searched
        /// in its ToCharArray() copy; other text through String.IndexOf, allocating nothing.
        /// </summary>
        public static int IndexOf(string text, string value, int startIndex)
        {
            if (!HasSurrogate(text))
            {
#pragma warning disable RS0030 // the one place that may call it: text without surrogates searches alike on both runtimes
#if NANOFRAMEWORK_1_0
                return text.IndexOf(value, startIndex);
#else
                // Ordinal, as the device's is (.NET's default compares by culture: "\0" matches anywhere).
                return text.IndexOf(value, startIndex, System.StringComparison.Ordinal);
#endif
#pragma warning restore RS0030
            }
            char[] units = text.ToCharArray();
            char[] wanted = value.ToCharArray();
            for (int i = startIndex; i <= units.Length - wanted.Length; i++)
            {
                int k = 0;
                while (k < wanted.Length && units[i + k] == wanted[k])
                {
                    k++;
                }
                if (k == wanted.Length)
                {
                    return i;
                }
            }
            return -1;
        }

        /// <summary>
        /// The first index in <paramref name="asciiText"/> of any of <paramref name="anyOf"/>, or -1,
        /// through the runtime's String.IndexOfAny (a native on the device, allocating nothing).
        /// Only for text the caller knows is ASCII: nanoCLR's IndexOfAny misses what follows a
        /// character outside the BMP (measured: a quote after an emoji reads as absent).
        /// </summary>
        public static int IndexOfAnyInAscii(string asciiText, char[] anyOf)
        {
#pragma warning disable RS0030 // ASCII text searches alike on both runtimes
            return asciiText.IndexOfAny(anyOf);
#pragma warning restore RS0030
        }

        /// <summary>The first index of <paramref name="value"/> in <paramref name="text"/>, or -1 (see <see cref="IndexOf(string, string, int)"/>).</summary>
        public static int IndexOf(string text, string value)
        {
            return IndexOf(text, value, 0);
        }

        /// <summary>True if <paramref name="text"/> holds <paramref name="c"/> (see <see cref="IndexOf(string, string, int)"/>).</summary>
        public static bool Contains(string text, char c)
        {
            if (!HasSurrogate(text))
            {
#pragma warning disable RS0030 // text without surrogates searches alike on both runtimes (ordinal for a char)
                return text.IndexOf(c) >= 0;
#pragma warning restore RS0030
            }
            char[] units = text.ToCharArray();
            for (int i = 0; i < units.Length; i++)
            {
                if (units[i] == c)
                {
                    return true;
                }
            }
            return false;
        }

        /// <summary>True if <paramref name="text"/> holds half of a surrogate pair; reads by index, allocates nothing.</summary>
        public static bool HasSurrogate(string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                if (IsSurrogate(text[i]))
                {
                    return true;
                }
            }
            return false;
        }

        /// <summary>True for either half of a surrogate pair (U+D800 to U+DFFF).</summary>
        public static bool IsSurrogate(char c)
        {
            return c >= '\uD800' && c <= '\uDFFF';
        }
    }
}
