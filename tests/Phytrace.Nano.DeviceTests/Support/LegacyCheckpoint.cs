using Phytrace.Nano.Formats;

namespace Phytrace.Nano.DeviceTests
{
    /// <summary>
    /// Writes a checkpoint as format versions 1 and 2 wrote it (96 bytes, CRC-32 of bytes 0..91 at
    /// 92, one copy per place), so tests can show that such a region is refused and left as it is.
    /// </summary>
    public static class LegacyCheckpoint
    {
        public const int Size = 96;

        /// <summary>Writes a valid checkpoint of <paramref name="version"/> (1 or 2), generation <paramref name="generation"/>, at place <paramref name="place"/> (4096 bytes apart).</summary>
        public static void Write(byte[] image, int version, int place, uint regionId, int recordSize, long slotCount, long generation, long tailSequence, long headSequence)
        {
            int at = place * 4096;
            for (int i = 0; i < Size; i++)
            {
                image[at + i] = 0;
            }
            image[at] = (byte)'P';
            image[at + 1] = (byte)'N';
            image[at + 2] = (byte)'C';
            image[at + 3] = (byte)'K';
            image[at + 4] = (byte)version;
            image[at + 5] = 1;
            Put(image, at + 8, regionId, 4);
            Put(image, at + 12, (ulong)recordSize, 4);
            Put(image, at + 16, (ulong)slotCount, 8);
            Put(image, at + 24, (ulong)generation, 8);
            Put(image, at + 32, (ulong)tailSequence, 8);
            Put(image, at + 40, (ulong)tailSequence, 8);
            Put(image, at + 48, (ulong)headSequence, 8);
            Put(image, at + 56, (ulong)headSequence, 8);
            uint crc = Crc32.Compute(image, at, Size - 4);
            Put(image, at + Size - 4, crc, 4);
        }

        private static void Put(byte[] image, int at, ulong value, int bytes)
        {
            for (int i = 0; i < bytes; i++)
            {
                image[at + i] = (byte)(value >> (8 * i));
            }
        }
    }
}
