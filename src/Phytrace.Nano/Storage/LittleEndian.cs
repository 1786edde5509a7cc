namespace Phytrace.Nano.Storage
{
    /// <summary>
    /// Little-endian integers in byte arrays, without BitConverter's allocations. On the device
    /// every byte is stored on its own, in the write itself (a call to the bytewise form would be
    /// another stack frame per field of every slot header); on .NET the writes go through BinaryPrimitives (one
    /// checked store instead of up to eight), because every slot header of the buffer's enqueue
    /// path is written here. The byte-by-byte forms stay compiled on .NET too, and the tests hold
    /// the two to the same bytes.
    /// </summary>
    internal static class LittleEndian
    {
        public static void WriteUInt16(byte[] b, int at, int value)
        {
#if NANOFRAMEWORK_1_0
            b[at] = (byte)value;
            b[at + 1] = (byte)(value >> 8);
#else
#pragma warning disable RS0030 // spans are host-only here; the device build takes the other branch
            System.Buffers.Binary.BinaryPrimitives.WriteUInt16LittleEndian(new System.Span<byte>(b, at, 2), (ushort)value);
#pragma warning restore RS0030
#endif
        }

        public static void WriteUInt32(byte[] b, int at, uint value)
        {
#if NANOFRAMEWORK_1_0
            b[at] = (byte)value;
            b[at + 1] = (byte)(value >> 8);
            b[at + 2] = (byte)(value >> 16);
            b[at + 3] = (byte)(value >> 24);
#else
#pragma warning disable RS0030 // spans are host-only here; the device build takes the other branch
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(new System.Span<byte>(b, at, 4), value);
#pragma warning restore RS0030
#endif
        }

        public static void WriteInt64(byte[] b, int at, long value)
        {
#if NANOFRAMEWORK_1_0
            uint low = (uint)value;
            uint high = (uint)(value >> 32);
            b[at] = (byte)low;
            b[at + 1] = (byte)(low >> 8);
            b[at + 2] = (byte)(low >> 16);
            b[at + 3] = (byte)(low >> 24);
            b[at + 4] = (byte)high;
            b[at + 5] = (byte)(high >> 8);
            b[at + 6] = (byte)(high >> 16);
            b[at + 7] = (byte)(high >> 24);
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
