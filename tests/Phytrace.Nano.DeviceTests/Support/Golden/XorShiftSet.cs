using Phytrace.Nano.Platform;

namespace Phytrace.Nano.DeviceTests.Golden
{
    /// <summary>
    /// XorShiftRandom: for 24 seeds (zero, one, the largest, random ones) the first 64-bit draws,
    /// NextInt over several bounds up to int.MaxValue, and NextBytes into the middle of an array.
    /// Everything else draws from it, so a device difference here would move every other set.
    /// On .NET the tool checks the draws against xorshift64* written again from its definition.
    /// </summary>
    public sealed class XorShiftSet : IGoldenSet
    {
        public const int Items = 24;
        private static readonly int[] Bounds = { 1, 2, 3, 7, 10, 1000, 65536, int.MaxValue };

        public string Name
        {
            get { return "xorshift"; }
        }

        public int Count
        {
            get { return Items; }
        }

        public ulong SeedOf(int index)
        {
            switch (index)
            {
                case 0: return 0;
                case 1: return 1;
                case 2: return ulong.MaxValue;
                case 3: return 0x9E3779B97F4A7C15UL;
                default: return GoldenInputs.ForItem(107, index).NextUInt64();
            }
        }

        public int Produce(int index, byte[] output)
        {
            var r = new XorShiftRandom(SeedOf(index));
            string text = string.Empty;
            for (int i = 0; i < 8; i++)
            {
                ulong draw = r.NextUInt64();
                long bits = (long)draw;
                text += GoldenInputs.Hex(bits, 16) + " ";
            }
            for (int round = 0; round < 3; round++)
            {
                for (int i = 0; i < Bounds.Length; i++)
                {
                    text += r.NextInt(Bounds[i]).ToString() + " ";
                }
            }
            var bytes = new byte[20];
            r.NextBytes(bytes, 3, 13);
            for (int i = 0; i < bytes.Length; i++)
            {
                text += GoldenInputs.Hex(bytes[i], 2);
            }
            return GoldenInputs.Ascii(text, output);
        }

        public string Describe(int index)
        {
            ulong seed = SeedOf(index);
            long bits = (long)seed;
            return "XorShiftRandom seed 0x" + GoldenInputs.Hex(bits, 16);
        }
    }
}
