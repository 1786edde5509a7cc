namespace Phytrace.Nano.Storage
{
    /// <summary>Little-endian integers in byte arrays, without BitConverter's allocations.</summary>
    internal static class LittleEndian
    {
        public static void WriteUInt16(byte[] b, int at, int value)
        {
            b[at] = (byte)value;
            b[at + 1] = (byte)(value >> 8);
        }

        public static void WriteUInt32(byte[] b, int at, uint value)
        {
            b[at] = (byte)value;
            b[at + 1] = (byte)(value >> 8);
            b[at + 2] = (byte)(value >> 16);
            b[at + 3] = (byte)(value >> 24);
        }

        public static void WriteInt64(byte[] b, int at, long value)
        {
            WriteUInt32(b, at, (uint)value);
            WriteUInt32(b, at + 4, (uint)(value >> 32));
        }

        public static int ReadUInt16(byte[] b, int at)
        {
            return b[at] | (b[at + 1] << 8);
        }

        public static uint ReadUInt32(byte[] b, int at)
        {
            return (uint)(b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24));
        }

        public static long ReadInt64(byte[] b, int at)
        {
            return (long)ReadUInt32(b, at) | ((long)ReadUInt32(b, at + 4) << 32);
        }
    }
}
