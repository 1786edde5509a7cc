// Device code (nanoFramework has no nullable annotations); fields are set in Setup.
#nullable disable

namespace Phytrace.Nano.DeviceBenchmark
{
    /// <summary>
    /// The whole pipeline per event: emit (begin, fill, encode, enqueue) a batch's worth of events,
    /// then dequeue them, build and gzip the batch at <paramref name="level"/> and acknowledge it.
    /// </summary>
    public sealed class PipelineWorkload : Workload
    {
        private readonly int level;
        private NodeRig rig;

        public PipelineWorkload(int level)
        {
            this.level = level;
        }

        public override string Name
        {
            get { return "pipeline-gzip" + level.ToString(); }
        }

        public override int OperationsPerRound
        {
            get { return NodeRig.BatchEvents; }
        }

        public override void Setup(int rounds)
        {
            rig = new NodeRig(level);
        }

        public override void RunRound()
        {
            for (int i = 0; i < NodeRig.BatchEvents; i++)
            {
                rig.Encode();
                rig.Enqueue();
            }
            int sent = rig.SendOneBatch();
            if (sent != NodeRig.BatchEvents)
            {
                throw new System.InvalidOperationException("batch of " + sent.ToString() + " events, expected " + NodeRig.BatchEvents.ToString());
            }
        }

        /// <summary>Compressed bytes of the last batch.</summary>
        public override long Check
        {
            get { return rig.LastBatchBytes; }
        }
    }
}
