using System;
using Phytrace.Nano.Platform;

namespace Phytrace.Nano.Esp32.Platform
{
    /// <summary>
    /// Randomness from the ESP32's hardware generator. On the ESP32 targets nanoFramework's
    /// System.Random is not a seeded PRNG: every draw calls esp_random()
    /// (nf-interpreter, targets/ESP32/_nanoCLR/targetRandom.cpp; the seed is ignored), which is
    /// true random while Wi-Fi or Bluetooth is on and pseudo-random before. So two nodes never
    /// share UUIDv7 random bits or retry jitter, even if they boot at the same moment.
    /// </summary>
    public sealed class HardwareRandom : IRandomSource
    {
        private readonly Random random = new Random();

        /// <inheritdoc />
        public int NextInt(int maxExclusive)
        {
            if (maxExclusive <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(maxExclusive), "maxExclusive must be positive, got " + maxExclusive.ToString());
            }
            return random.Next(maxExclusive);
        }

        /// <inheritdoc />
        public void NextBytes(byte[] buffer, int offset, int count)
        {
            // Random.NextBytes is one native call for a whole array: the core's UUIDv7 pool (64
            // bytes) and batch ids ask for whole arrays. A part of one goes byte by byte, which
            // keeps it allocation-free (no temporary array).
            if (offset == 0 && count == buffer.Length)
            {
                random.NextBytes(buffer);
                return;
            }
            for (int i = 0; i < count; i++)
            {
                buffer[offset + i] = (byte)random.Next(256);
            }
        }
    }
}
