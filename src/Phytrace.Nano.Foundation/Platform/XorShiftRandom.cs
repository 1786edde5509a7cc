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
            while (offset < end)
            {
                ulong r = NextUInt64();
                for (int i = 0; i < 8 && offset < end; i++)
                {
                    buffer[offset++] = (byte)r;
                    r >>= 8;
                }
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
