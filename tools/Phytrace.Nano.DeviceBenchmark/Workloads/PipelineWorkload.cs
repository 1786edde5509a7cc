// Device code (nanoFramework has no nullable annotations); fields are set in Setup.
#nullable disable

namespace Phytrace.Nano.DeviceBenchmark
{
    /// <summary>
    /// The whole pipeline per event: emit (begin, fill, encode, enqueue) a batch's worth of events,
    /// then dequeue them, build and gzip the batch and acknowledge it.
    /// </summary>
    public sealed class PipelineWorkload : Workload
    {
        private readonly string name;
        private readonly GzipShape shape;
        private readonly int batchEvents;
        private NodeRig rig;

        public PipelineWorkload(string name, GzipShape shape, int batchEvents)
        {
            this.name = name;
            this.shape = shape;
            this.batchEvents = batchEvents;
        }

        public override string Name
        {
            get { return name; }
        }

        public override int OperationsPerRound
        {
            get { return batchEvents; }
        }

        public override int Rounds
        {
            get { return 5; }
        }

        public override void Setup(int rounds)
        {
            rig = new NodeRig(shape, batchEvents);
        }

        public override void RunRound()
        {
            for (int i = 0; i < batchEvents; i++)
            {
                rig.Encode();
                rig.Enqueue();
            }
            int sent = rig.SendOneBatch();
            if (sent != batchEvents)
            {
                throw new System.InvalidOperationException("batch of " + sent.ToString() + " events, expected " + batchEvents.ToString());
            }
        }

        /// <summary>Compressed bytes of the last batch.</summary>
        public override long Check
        {
            get { return rig.LastBatchBytes; }
        }
    }
}
