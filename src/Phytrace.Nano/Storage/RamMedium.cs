using System;

namespace Phytrace.Nano.Storage
{
    /// <summary>A storage medium in a byte array: for tests, simulations and boards without storage.</summary>
    public sealed class RamMedium : IStorageMedium
    {
        private readonly byte[] image;

        /// <summary>A zero-filled region of <paramref name="length"/> bytes.</summary>
        public RamMedium(int length)
        {
            if (length < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(length), "length must be at least 1 byte, got " + length.ToString());
            }
            image = new byte[length];
        }

        /// <summary>A region holding a copy of <paramref name="source"/> (e.g. a saved buffer image).</summary>
        public RamMedium(byte[] source)
        {
            if (source == null)
            {
                throw new ArgumentNullException(nameof(source));
            }
            image = new byte[source.Length];
            Array.Copy(source, image, source.Length);
        }

        /// <inheritdoc />
        public long Length
        {
            get { return image.Length; }
        }

        /// <summary>The bytes themselves (tests inspect and damage them).</summary>
        public byte[] Image
        {
            get { return image; }
        }

        /// <inheritdoc />
        public int Read(long position, byte[] buffer, int offset, int count)
        {
            CheckRange(position, count);
            Array.Copy(image, (int)position, buffer, offset, count);
            return count;
        }

        /// <inheritdoc />
        public void Write(long position, byte[] buffer, int offset, int count)
        {
            CheckRange(position, count);
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

        private void CheckRange(long position, int count)
        {
            if (position < 0 || count < 0 || position + count > image.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(position), "range [" + position.ToString() + ", +" + count.ToString() + ") is outside the region of " + image.Length.ToString() + " bytes");
            }
        }
    }
}
