using System;
using Phytrace.Nano.Events;
using Phytrace.Nano.Platform;

namespace Phytrace.Nano.DeviceTests.Golden
{
    /// <summary>
    /// UUIDv7 ids in sequence (Uuid7Generator.NextAt) under scripted clocks: a frozen clock (4,200
    /// ids in one millisecond: the 12-bit counter overflows), a wall clock that steps back, an
    /// unsynchronised clock near 1970 with the tick clock running, one moving a millisecond per id,
    /// negative wall times, mixes. The output is the ids' bytes. On .NET the tool checks the layout
    /// (version 7, variant 10), that ids strictly increase, and that each id's time and counter
    /// follow RFC 9562 method 1 as the generator documents it.
    /// </summary>
    public sealed class Uuid7Set : IGoldenSet
    {
        public const int Items = 12;
        private const int Seed = 109;

        public string Name
        {
            get { return "uuid7"; }
        }

        public int Count
        {
            get { return Items; }
        }

        public int Ids(int index)
        {
            return index == 0 ? 4200 : 300;
        }

        /// <summary>The wall time (Unix ms) and tick (ms) when id <paramref name="k"/> of item <paramref name="index"/> is made.</summary>
        public static void ClockAt(int index, int k, out long wallMs, out long tickMs)
        {
            long start = 1795780800000L + (index * 1000L);
            switch (index % 6)
            {
                case 0: wallMs = start; tickMs = 500; break; // frozen
                case 1: wallMs = start + k - (k / 50 * 60); tickMs = 500 + (k / 3); break; // steps back 60 ms every 50 ids
                case 2: wallMs = k / 7; tickMs = 10000 + k; break; // unsynchronised, near 1970
                case 3: wallMs = start + k; tickMs = 200 + k; break; // a millisecond per id
                case 4: wallMs = -5 + (k / 20); tickMs = 0; break; // negative wall times, clamped to 0
                default: wallMs = start + ((k * 7) % 13) - (k % 5 == 0 ? 3000 : 0); tickMs = 1000 + (k / 2); break; // jumpy
            }
        }

        public int Produce(int index, byte[] output)
        {
            var tick = new ManualTickClock(0);
            var generator = new Uuid7Generator(new ManualWallClock(new DateTime(2026, 1, 1, 0, 0, 0), true), tick, GoldenInputs.ForItem(Seed, index));
            for (int k = 0; k < Ids(index); k++)
            {
                long wallMs;
                long tickMs;
                ClockAt(index, k, out wallMs, out tickMs);
                tick.Set(tickMs);
                generator.NextAt(wallMs, output, k * 16);
            }
            return Ids(index) * 16;
        }

        public string Describe(int index)
        {
            string[] kinds = { "frozen clock", "wall clock stepping back", "unsynchronised clock near 1970", "a millisecond per id", "negative wall times", "jumpy clock" };
            return "UUIDv7 sequence #" + index.ToString() + " (" + kinds[index % 6] + ", " + Ids(index).ToString() + " ids)";
        }
    }
}
