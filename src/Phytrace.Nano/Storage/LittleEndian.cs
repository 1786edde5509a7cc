namespace Phytrace.Nano.Storage
{
    /// <summary>
    /// Little-endian integers in byte arrays, without BitConverter's allocations. On the device
    /// every byte is stored on its own; on .NET the writes go through BinaryPrimitives (one
    /// checked store instead of up to eight), because every slot header of the buffer's enqueue
    /// path is written here. The byte-by-byte forms stay compiled on .NET too, and the tests hold
    /// the two to the same bytes.
    /// </summary>
    internal static class LittleEndian
    {
        public static void WriteUInt16(byte[] b, int at, int value)
        {
#if NANOFRAMEWORK_1_0
            BytewiseWriteUInt16(b, at, value);
#else
#pragma warning disable RS0030 // spans are host-only here; the device build takes the other branch
            System.Buffers.Binary.BinaryPrimitives.WriteUInt16LittleEndian(new System.Span<byte>(b, at, 2), (ushort)value);
#pragma warning restore RS0030
#endif
        }

        public static void WriteUInt32(byte[] b, int at, uint value)
        {
#if NANOFRAMEWORK_1_0
            BytewiseWriteUInt32(b, at, value);
#else
#pragma warning disable RS0030 // spans are host-only here; the device build takes the other branch
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(new System.Span<byte>(b, at, 4), value);
#pragma warning restore RS0030
#endif
        }

        public static void WriteInt64(byte[] b, int at, long value)
        {
#if NANOFRAMEWORK_1_0
            BytewiseWriteInt64(b, at, value);
#else
#pragma warning disable RS0030 // spans are host-only here; the device build takes the other branch
            System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(new System.Span<byte>(b, at, 8), value);
#pragma warning restore RS0030
#endif
        }

        public static void BytewiseWriteUInt16(byte[] b, int at, int value)
        {
            b[at] = (byte)value;
            b[at + 1] = (byte)(value >> 8);
        }

        public static void BytewiseWriteUInt32(byte[] b, int at, uint value)
        {
            b[at] = (byte)value;
            b[at + 1] = (byte)(value >> 8);
            b[at + 2] = (byte)(value >> 16);
            b[at + 3] = (byte)(value >> 24);
        }

        public static void BytewiseWriteInt64(byte[] b, int at, long value)
        {
            BytewiseWriteUInt32(b, at, (uint)value);
            BytewiseWriteUInt32(b, at + 4, (uint)(value >> 32));
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
