using Phytrace.Nano.Events;
using Phytrace.Nano.Formats;

namespace Phytrace.Nano.DeviceBenchmark
{
    /// <summary>One double written as JSON (shortest round-trip text) by JsonWriter.</summary>
    public sealed class DoubleJsonWorkload : Workload
    {
        private readonly string name;
        private readonly double value;
        private readonly JsonWriter writer = new JsonWriter();
        private readonly byte[] output = new byte[64];

        public DoubleJsonWorkload(string name, double value)
        {
            this.name = name;
            this.value = value;
        }

        public override string Name
        {
            get { return name; }
        }

        public override int OperationsPerRound
        {
            get { return 200; }
        }

        public override void Setup(int rounds)
        {
        }

        public override void RunRound()
        {
            for (int i = 0; i < 200; i++)
            {
                writer.Reset(output, 0, output.Length);
                writer.WriteNumberValue(value);
            }
        }

        /// <summary>Length of the text written.</summary>
        public override long Check
        {
            get { return writer.Length; }
        }
    }
}
