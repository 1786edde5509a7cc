using System;
using Phytrace.Nano.Events;
using Phytrace.Nano.Formats;
using Phytrace.Nano.Platform;

namespace Phytrace.Nano.DeviceTests.Golden
{
    /// <summary>
    /// JSON number text of doubles (JsonWriter.WriteNumberValue): edge values, then sensor-like
    /// short decimals (m / 10^d, some through float as 32-bit sensors give them), then doubles
    /// from random bit patterns over the whole finite range (normal, subnormal, integers).
    /// On .NET the tool checks every text reads back as exactly the same double.
    /// </summary>
    public sealed class DoubleTextSet : IGoldenSet
    {
        public const int SensorLike = 1600;
        public const int FullRange = 1600;
        private const int Seed = 11;

        // Exact powers of ten (every one is a double).
        private static readonly double[] PowersOfTen = { 1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8 };

        /// <summary>Bit patterns of the edges: zeros, extremes, subnormal boundaries, 2^53 neighbours, layout switch points.</summary>
        private static readonly long[] Edges =
        {
            0x0000000000000000L, unchecked((long)0x8000000000000000UL), // 0, -0
            0x0000000000000001L, unchecked((long)0x8000000000000001UL), // +-5e-324
            0x000FFFFFFFFFFFFFL, 0x0010000000000000L,                   // largest subnormal, smallest normal
            0x7FEFFFFFFFFFFFFFL, unchecked((long)0xFFEFFFFFFFFFFFFFUL), // +-double.MaxValue
            0x3FF0000000000000L, unchecked((long)0xBFF0000000000000UL), // 1, -1
            0x4340000000000000L, 0x4340000000000001L, 0x433FFFFFFFFFFFFFL, // 2^53 and its neighbours
            0x3FB999999999999AL, 0x3FD3333333333334L,                   // 0.1, 0.30000000000000004
            0x444B1AE4D6E2EF50L, 0x444B1AE4D6E2EF4FL,                   // 1e21 and the double below it
            0x3E7AD7F29ABCAF48L, 0x3E7AD7F29ABCAF49L,                   // 1e-7 and the double above it
            0x3EB0C6F7A0B5ED8DL,                                        // 1e-6
            0x0410000000000000L,                                        // 2^-958: lower gap half the upper
            0x7FE0000000000000L, 0x0020000000000000L,                   // 2^1023, 2^-1021
            0x400921FB54442D18L, 0x4005BF0A8B145769L,                   // pi, e
            0x40B3880000000000L, 0x42A2309CE5400000L,                   // 5000, 1e13
            0x4415AF1D78B58C40L, 0x4415AF1D78B58C3FL,                   // 1e20 and below
            0x408F400000000000L, 0x7FF0000000000000L - 2,               // 1000, second largest below infinity's bits
            0x000000000000000AL, 0x0008000000000000L,                   // small subnormals
        };

        public string Name
        {
            get { return "doubles"; }
        }

        public int Count
        {
            get { return Edges.Length + SensorLike + FullRange; }
        }

        /// <summary>The double of item <paramref name="index"/>.</summary>
        public double Input(int index)
        {
            return BitConverter.Int64BitsToDouble(Bits(index));
        }

        /// <summary>The bit pattern of item <paramref name="index"/>'s double.</summary>
        public long Bits(int index)
        {
            if (index < Edges.Length)
            {
                return Edges[index];
            }
            XorShiftRandom random = GoldenInputs.ForItem(Seed, index);
            double value;
            if (index < Edges.Length + SensorLike)
            {
                int digits = 1 + random.NextInt(8);
                int mantissa = random.NextInt((int)PowersOfTen[digits]);
                int decimals = random.NextInt(7);
                value = mantissa / PowersOfTen[decimals];
                if (random.NextInt(2) == 0)
                {
                    value = -value;
                }
                if (random.NextInt(4) == 0)
                {
                    float reading = (float)value;
                    value = reading;
                }
                return BitConverter.DoubleToInt64Bits(value);
            }
            ulong raw = random.NextUInt64();
            long bits = (long)raw;
            int kind = random.NextInt(8);
            if (kind == 0)
            {
                bits &= unchecked((long)0x800FFFFFFFFFFFFFUL); // subnormal
            }
            else if (kind == 1)
            {
                long integer = bits >> random.NextInt(63);
                value = integer;
                return BitConverter.DoubleToInt64Bits(value);
            }
            if (((bits >> 52) & 0x7FF) == 0x7FF)
            {
                bits ^= 0x4000000000000000L; // NaN or infinity: make it finite
            }
            return bits;
        }

        public int Produce(int index, byte[] output)
        {
            var writer = new JsonWriter();
            writer.Reset(output, 0, output.Length);
            writer.WriteNumberValue(Input(index));
            return writer.Length;
        }

        public string Describe(int index)
        {
            string kind = index < Edges.Length ? "edge value" : (index < Edges.Length + SensorLike ? "sensor-like decimal" : "random bit pattern");
            return "double #" + index.ToString() + " (" + kind + ", bits 0x" + GoldenInputs.Hex(Bits(index), 16) + ")";
        }
    }
}
