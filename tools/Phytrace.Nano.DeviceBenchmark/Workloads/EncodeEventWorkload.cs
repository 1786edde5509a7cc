// Device code (nanoFramework has no nullable annotations); fields are set in Setup.
#nullable disable

namespace Phytrace.Nano.DeviceBenchmark
{
    /// <summary>Begin + fill + encode of the typical event (the first row).</summary>
    public sealed class EncodeEventWorkload : Workload
    {
        private NodeRig rig;

        public override string Name
        {
            get { return "encode-event"; }
        }

        public override int OperationsPerRound
        {
            get { return 40; }
        }

        public override void Setup(int rounds)
        {
            rig = new NodeRig();
        }

        public override void RunRound()
        {
            for (int i = 0; i < 40; i++)
            {
                rig.Encode();
            }
        }

        /// <summary>Bytes of the last event encoded.</summary>
        public override long Check
        {
            get { return rig.LastLength; }
        }
    }
}
