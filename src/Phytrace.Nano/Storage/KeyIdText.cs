namespace Phytrace.Nano.Storage
{
    /// <summary>A key id as it appears in messages and tools: eight upper-case hex digits ("0A1B2C3D").</summary>
    public static class KeyIdText
    {
        private const string Digits = "0123456789ABCDEF";

        public static string Of(uint keyId)
        {
            string text = string.Empty;
            for (int shift = 28; shift >= 0; shift -= 4)
            {
                text += Digits.Substring((int)((keyId >> shift) & 0xF), 1);
            }
            return text;
        }
    }
}
