using System;
using Phytrace.Nano.Formats;
using Phytrace.Nano.Platform;

namespace Phytrace.Nano.Events
{
    /// <summary>
    /// UUIDv7 (RFC 9562 section 5.7) ids: 48-bit Unix milliseconds, version 7, a 12-bit counter in
    /// rand_a (RFC 9562 6.2 method 1) and 62 random bits in rand_b, written as 16 bytes.
    /// Within a boot the ids strictly increase, also when the wall clock is unsynced (near 1970) or
    /// steps backwards: the id time never falls below the last id time plus the monotonic tick
    /// clock's elapsed time, so after a backward step ids run ahead of the wall clock by the step
    /// instead of repeating. Within one millisecond the counter increments (starting from a random
    /// value below 2048); if it overflows the id time moves on by 1 ms. rand_b makes ids from
    /// different boots or nodes unique even with equal timestamps. Thread-safe.
    /// <para>
    /// The random bits are drawn from the source 64 bytes at a time and taken 8 at a time: rand_b
    /// is the next 8 bytes, and a counter's random start is the top 11 bits of the next 8 read as
    /// a little-endian 64-bit number. That is exactly what NextBytes(8) and NextInt(2048) give from
    /// <see cref="XorShiftRandom"/>, so ids are the same as when each was drawn alone, while a
    /// source call (an interface call, a lock, on the ESP32 a native per byte) is made once per
    /// four ids or so instead of twice per id.
    /// </para>
    /// </summary>
    public sealed class Uuid7Generator
    {
        private const int CounterMax = 0xFFF;
        private const int PoolBytes = 64;
        private readonly IWallClock wall;
        private readonly ITickClock tick;
        private readonly IRandomSource random;
        private readonly object gate = new object();
        private bool started;
        private long lastMs;
        private long lastTickMs;
        private int counter;
        private readonly byte[] pool = new byte[PoolBytes];
        private int poolUsed = PoolBytes;

        public Uuid7Generator(IWallClock wall, ITickClock tick, IRandomSource random)
        {
            if (wall == null || tick == null || random == null)
            {
                throw new ArgumentNullException(wall == null ? nameof(wall) : (tick == null ? nameof(tick) : nameof(random)));
            }
            this.wall = wall;
            this.tick = tick;
            this.random = random;
        }

        /// <summary>Writes a new id at destination[offset..+16) using the wall clock's current time.</summary>
        public void Next(byte[] destination, int offset)
        {
            NextAt(Iso8601Utc.ToUnixMicros(wall.UtcNow) / 1000, destination, offset);
        }

        /// <summary>Writes a new id at destination[offset..+16) for a wall time the caller already read (Unix ms).</summary>
        public void NextAt(long wallUnixMs, byte[] destination, int offset)
        {
            lock (gate)
            {
                NextAtUnderCallersLock(wallUnixMs, destination, offset);
            }
        }

        /// <summary>
        /// <see cref="NextAt"/> for an owner that holds a lock of its own around every use of this
        /// generator (UdmEventFactory, which takes one lock per event for the id and sequence_num;
        /// a lock costs about as much as forty additions on the device).
        /// </summary>
        internal void NextAtUnderCallersLock(long wallUnixMs, byte[] destination, int offset)
        {
            if (destination == null)
            {
                throw new ArgumentNullException(nameof(destination));
            }
            if (offset < 0 || offset > destination.Length - UuidText.ByteLength)
            {
                throw new ArgumentOutOfRangeException(nameof(offset), "destination needs 16 bytes from offset");
            }
            long nowTick = tick.NowMs;
            long ms = wallUnixMs < 0 ? 0 : wallUnixMs;
            if (started)
            {
                long floor = lastMs + (nowTick - lastTickMs);
                if (ms < floor)
                {
                    ms = floor;
                }
            }
            if (started && ms <= lastMs)
            {
                ms = lastMs;
                counter++;
                if (counter > CounterMax)
                {
                    ms++;
                    counter = RandomCounterStart(pool, TakeEight());
                }
            }
            else
            {
                counter = RandomCounterStart(pool, TakeEight());
            }
            started = true;
            lastMs = ms;
            lastTickMs = nowTick;
            int count = counter;
            // 48-bit big-endian milliseconds, written out (no loop: every event makes an id).
            destination[offset] = (byte)(ms >> 40);
            destination[offset + 1] = (byte)(ms >> 32);
            destination[offset + 2] = (byte)(ms >> 24);
            destination[offset + 3] = (byte)(ms >> 16);
            destination[offset + 4] = (byte)(ms >> 8);
            destination[offset + 5] = (byte)ms;
            destination[offset + 6] = (byte)(0x70 | ((count >> 8) & 0x0F));
            destination[offset + 7] = (byte)count;
            Array.Copy(pool, TakeEight(), destination, offset + 8, 8);
            destination[offset + 8] = (byte)(0x80 | (destination[offset + 8] & 0x3F));
        }

        // Where the next 8 random bytes of the pool start, refilling it when it is used up.
        private int TakeEight()
        {
            int at = poolUsed;
            if (at == PoolBytes)
            {
                random.NextBytes(pool, 0, PoolBytes);
                at = 0;
            }
            poolUsed = at + 8;
            return at;
        }

        // A counter's random start below 2048: the top 11 bits of 8 random bytes read as a
        // little-endian 64-bit number (what XorShiftRandom.NextInt(2048) takes of its draw).
        private static int RandomCounterStart(byte[] bytes, int at)
        {
            return (bytes[at + 7] << 3) | (bytes[at + 6] >> 5);
        }

        /// <summary>The Unix milliseconds stored in a UUIDv7 at uuid[offset].</summary>
        public static long TimestampMs(byte[] uuid, int offset)
        {
            long ms = 0;
            for (int i = 0; i < 6; i++)
            {
                ms = (ms << 8) | uuid[offset + i];
            }
            return ms;
        }
    }
}
