using Phytrace.Nano.Formats;

namespace Phytrace.Nano.DeviceBenchmark
{
    /// <summary>CRC-32 of 4 KiB (Crc32.Compute, as the slot checksums and gzip use it).</summary>
    public sealed class Crc32Workload : Workload
    {
        private readonly byte[] data = new byte[4096];
        private uint last;

        public override string Name
        {
            get { return "crc32-4k"; }
        }

        public override int OperationsPerRound
        {
            get { return 20; }
        }

        public override void Setup(int rounds)
        {
            for (int i = 0; i < data.Length; i++)
            {
                data[i] = (byte)((i * 31) ^ (i >> 3));
            }
        }

        public override void RunRound()
        {
            for (int i = 0; i < 20; i++)
            {
                last = Crc32.Compute(data, 0, data.Length);
            }
        }

        public override long Check
        {
            get { return last; }
        }
    }
}
