using System;

namespace Phytrace.Nano.Platform
{
    /// <summary>
    /// A small deterministic random source (xorshift64*), the same sequence on .NET and on the
    /// device for a given seed. Not cryptographic: for jitter, tests and simulations. Seed it from
    /// hardware entropy on the device for UUID randomness.
    /// </summary>
    public sealed class XorShiftRandom : IRandomSource
    {
        private ulong state;
        private readonly object gate = new object();

        /// <summary>Seeds the generator; a zero seed is replaced by a fixed non-zero constant.</summary>
        public XorShiftRandom(ulong seed)
        {
            state = seed == 0 ? 0x9E3779B97F4A7C15UL : seed;
        }

        /// <inheritdoc />
        public int NextInt(int maxExclusive)
        {
            if (maxExclusive <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(maxExclusive), "maxExclusive must be positive");
            }
            // Multiply-shift maps 32 random bits onto [0, maxExclusive) without a division bias worth noting here.
            ulong r = NextUInt64() >> 32;
            return (int)((r * (ulong)maxExclusive) >> 32);
        }

        /// <inheritdoc />
        public void NextBytes(byte[] buffer, int offset, int count)
        {
            if (buffer == null)
            {
                throw new ArgumentNullException(nameof(buffer));
            }
            if (offset < 0 || count < 0 || offset > buffer.Length - count)
            {
                throw new ArgumentOutOfRangeException(nameof(count), "offset and count must lie inside buffer");
            }
            int end = offset + count;
            // One lock for the whole fill, and whole draws written out, eight bytes each, low byte
            // first (the bytes NextUInt64 gives one draw at a time): on the device a lock costs
            // about forty additions and each IL instruction counts, and a UUID takes 16 bytes.
            lock (gate)
            {
                ulong x = state;
                while (offset < end)
                {
                    x ^= x >> 12;
                    x ^= x << 25;
                    x ^= x >> 27;
                    ulong r = x * 0x2545F4914F6CDD1DUL;
                    if (end - offset >= 8)
                    {
                        buffer[offset] = (byte)r;
                        buffer[offset + 1] = (byte)(r >> 8);
                        buffer[offset + 2] = (byte)(r >> 16);
                        buffer[offset + 3] = (byte)(r >> 24);
                        buffer[offset + 4] = (byte)(r >> 32);
                        buffer[offset + 5] = (byte)(r >> 40);
                        buffer[offset + 6] = (byte)(r >> 48);
                        buffer[offset + 7] = (byte)(r >> 56);
                        offset += 8;
                    }
                    else
                    {
                        while (offset < end)
                        {
                            buffer[offset++] = (byte)r;
                            r >>= 8;
                        }
                    }
                }
                state = x;
            }
        }

        /// <summary>The next 64 random bits.</summary>
        public ulong NextUInt64()
        {
            lock (gate)
            {
                ulong x = state;
                x ^= x >> 12;
                x ^= x << 25;
                x ^= x >> 27;
                state = x;
                return x * 0x2545F4914F6CDD1DUL;
            }
        }
    }
}
