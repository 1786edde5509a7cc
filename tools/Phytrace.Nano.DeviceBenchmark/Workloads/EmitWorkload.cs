// Device code (nanoFramework has no nullable annotations); fields are set in Setup.
#nullable disable

namespace Phytrace.Nano.DeviceBenchmark
{
    /// <summary>
    /// Emit as a node does it: begin + fill + encode + enqueue of the typical event (RAM medium,
    /// sync every 16); the ring holds the events of every round.
    /// </summary>
    public sealed class EmitWorkload : Workload
    {
        private const int PerRound = 48;
        private NodeRig rig;

        public override string Name
        {
            get { return "emit"; }
        }

        public override int OperationsPerRound
        {
            get { return PerRound; }
        }

        public override void Setup(int rounds)
        {
            rig = new NodeRig();
            rig.CheckRoomFor(rounds * PerRound, 620);
        }

        public override void RunRound()
        {
            for (int i = 0; i < PerRound; i++)
            {
                rig.Encode();
                rig.Enqueue();
            }
        }
    }
}
