using System;
using Phytrace.Nano.Storage;

namespace Phytrace.Nano.DeviceTests
{
    /// <summary>
    /// A RAM image in which some sectors cannot be read, as an SD card leaves the sector it was
    /// writing when power went: a read touching one fails with an I/O error, a write of the whole
    /// sector makes it readable again, and a write of part of it fails too (the card's and FatFs's
    /// read-modify-write has to read it first).
    /// </summary>
    public sealed class UnreadableSectorsMedium : IStorageMedium
    {
        private readonly byte[] image;
        private readonly int sectorSize;
        private readonly long[] unreadable;
        private int unreadableCount;

        /// <summary>The region <paramref name="image"/> (used as it is, not copied) with no bad sector yet.</summary>
        public UnreadableSectorsMedium(byte[] image, int sectorSize, int maxUnreadable)
        {
            if (image == null)
            {
                throw new ArgumentNullException("image");
            }
            this.image = image;
            this.sectorSize = sectorSize;
            unreadable = new long[maxUnreadable];
        }

        /// <summary>The bytes themselves.</summary>
        public byte[] Image
        {
            get { return image; }
        }

        /// <summary>Sectors that cannot be read now.</summary>
        public int UnreadableCount
        {
            get { return unreadableCount; }
        }

        /// <summary>Makes the sector holding byte <paramref name="position"/> unreadable.</summary>
        public void MakeUnreadable(long position)
        {
            long sector = position / sectorSize;
            if (!IsUnreadable(sector))
            {
                unreadable[unreadableCount++] = sector;
            }
        }

        /// <inheritdoc />
        public long Length
        {
            get { return image.Length; }
        }

        /// <inheritdoc />
        public int Read(long position, byte[] buffer, int offset, int count)
        {
            CheckRange(position, count);
            for (long sector = position / sectorSize; count > 0 && sector <= (position + count - 1) / sectorSize; sector++)
            {
                if (IsUnreadable(sector))
                {
                    throw new StorageMediumException(MediumFailure.IoError, "sector " + sector.ToString() + " cannot be read");
                }
            }
            Array.Copy(image, (int)position, buffer, offset, count);
            return count;
        }

        /// <inheritdoc />
        public void Write(long position, byte[] buffer, int offset, int count)
        {
            CheckRange(position, count);
            for (long sector = position / sectorSize; count > 0 && sector <= (position + count - 1) / sectorSize; sector++)
            {
                bool whole = sector * sectorSize >= position && (sector + 1) * sectorSize <= position + count;
                if (IsUnreadable(sector) && !whole)
                {
                    throw new StorageMediumException(MediumFailure.IoError, "sector " + sector.ToString() + " cannot be read to be partly rewritten");
                }
            }
            for (long sector = position / sectorSize; count > 0 && sector <= (position + count - 1) / sectorSize; sector++)
            {
                Forget(sector);
            }
            Array.Copy(buffer, offset, image, (int)position, count);
        }

        /// <inheritdoc />
        public void Flush()
        {
        }

        /// <inheritdoc />
        public void Dispose()
        {
        }

        private bool IsUnreadable(long sector)
        {
            for (int i = 0; i < unreadableCount; i++)
            {
                if (unreadable[i] == sector)
                {
                    return true;
                }
            }
            return false;
        }

        private void Forget(long sector)
        {
            for (int i = 0; i < unreadableCount; i++)
            {
                if (unreadable[i] == sector)
                {
                    unreadable[i] = unreadable[unreadableCount - 1];
                    unreadableCount--;
                    return;
                }
            }
        }

        private void CheckRange(long position, int count)
        {
            if (position < 0 || count < 0 || position + count > image.Length)
            {
                throw new ArgumentOutOfRangeException("position", "range [" + position.ToString() + ", +" + count.ToString() + ") is outside the region of " + image.Length.ToString() + " bytes");
            }
        }
    }
}
