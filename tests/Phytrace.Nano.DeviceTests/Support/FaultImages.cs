using System;
using Phytrace.Nano.Platform;

namespace Phytrace.Nano.DeviceTests
{
    /// <summary>
    /// Builds the image a power cut leaves, from the image before and the write in flight, the way
    /// real media fail (FORMAT.md lists what the format survives):
    /// - prefix: the first bytes of the write land, nothing after (a well-behaved file system);
    /// - flash: the first bytes land, the rest of the write reads 0xFF (erased, never programmed)
    ///   or random bytes (half-programmed cells);
    /// - SD card: every sector written since the last flush lands or not, independently
    ///   (the card's cache and wear levelling reorder them);
    /// - an unreadable sector: the one being written (see <see cref="UnreadableSectorsMedium"/>).
    /// </summary>
    public static class FaultImages
    {
        /// <summary>Lands the whole of <paramref name="write"/>.</summary>
        public static void Land(byte[] image, TracedWrite write)
        {
            Array.Copy(write.Data, 0, image, (int)write.Position, write.Data.Length);
        }

        /// <summary>Lands the first <paramref name="bytes"/> bytes of <paramref name="write"/>.</summary>
        public static void LandPrefix(byte[] image, TracedWrite write, int bytes)
        {
            Array.Copy(write.Data, 0, image, (int)write.Position, bytes);
        }

        /// <summary>
        /// Lands the first <paramref name="bytes"/> bytes; the rest of the write reads 0xFF
        /// (<paramref name="erased"/>) or bytes from <paramref name="random"/>.
        /// </summary>
        public static void LandFlashCut(byte[] image, TracedWrite write, int bytes, bool erased, XorShiftRandom random)
        {
            Array.Copy(write.Data, 0, image, (int)write.Position, bytes);
            int from = (int)write.Position + bytes;
            int count = write.Data.Length - bytes;
            if (erased)
            {
                for (int i = 0; i < count; i++)
                {
                    image[from + i] = 0xFF;
                }
            }
            else if (count > 0)
            {
                random.NextBytes(image, from, count);
            }
        }

        /// <summary>
        /// The distinct sectors the writes among calls [<paramref name="first"/>, <paramref name="last"/>]
        /// of <paramref name="trace"/> touch, in first-touched order, into <paramref name="into"/>;
        /// returns how many (at most into.Length).
        /// </summary>
        public static int TouchedSectors(TracingMedium trace, int first, int last, int sectorSize, long[] into)
        {
            int count = 0;
            for (int call = first; call <= last; call++)
            {
                TracedWrite write = trace[call];
                if (write.IsFlush || write.Data.Length == 0)
                {
                    continue;
                }
                long end = (write.Position + write.Data.Length - 1) / sectorSize;
                for (long sector = write.Position / sectorSize; sector <= end && count < into.Length; sector++)
                {
                    bool seen = false;
                    for (int i = 0; i < count && !seen; i++)
                    {
                        seen = into[i] == sector;
                    }
                    if (!seen)
                    {
                        into[count++] = sector;
                    }
                }
            }
            return count;
        }

        /// <summary>
        /// Turns <paramref name="target"/> (a copy of the image at the last flush) into what an SD
        /// card may hold: each of the <paramref name="count"/> sectors takes its bytes from
        /// <paramref name="newer"/> (the image after the write in flight) where
        /// <paramref name="landed"/> says so.
        /// </summary>
        public static void ComposeSectors(byte[] target, byte[] newer, long[] sectors, bool[] landed, int count, int sectorSize)
        {
            for (int i = 0; i < count; i++)
            {
                if (!landed[i])
                {
                    continue;
                }
                long start = sectors[i] * sectorSize;
                int length = start + sectorSize <= newer.Length ? sectorSize : (int)(newer.Length - start);
                Array.Copy(newer, (int)start, target, (int)start, length);
            }
        }

        /// <summary>Inverts bit <paramref name="bit"/> (0-7) of the byte at <paramref name="position"/>.</summary>
        public static void FlipBit(byte[] image, long position, int bit)
        {
            image[position] = (byte)(image[position] ^ (1 << bit));
        }
    }
}
