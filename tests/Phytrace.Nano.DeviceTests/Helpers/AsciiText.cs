namespace Phytrace.Nano.DeviceTests.Helpers
{
    /// <summary>
    /// ASCII between strings and bytes for expected values in tests. It goes through ToCharArray,
    /// not the string indexer, which nanoCLR gets wrong next to surrogate pairs.
    /// </summary>
    public static class AsciiText
    {
        public static string FromBytes(byte[] bytes, int offset, int count)
        {
            var chars = new char[count];
            for (int i = 0; i < count; i++)
            {
                chars[i] = (char)bytes[offset + i];
            }
            return new string(chars);
        }

        public static byte[] ToBytes(string text)
        {
            char[] chars = text.ToCharArray();
            var bytes = new byte[chars.Length];
            for (int i = 0; i < chars.Length; i++)
            {
                bytes[i] = (byte)chars[i];
            }
            return bytes;
        }
    }
}
