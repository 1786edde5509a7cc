// Device code (nanoFramework has no nullable annotations); fields are set in Setup.
#nullable disable

namespace Phytrace.Nano.DeviceBenchmark
{
    /// <summary>
    /// EdgeBuffer.Enqueue of a 550-byte event (RAM medium, 256-byte records, sync every 16). The
    /// ring holds about 1,360 such events, so rounds fill it without ever making room.
    /// </summary>
    public sealed class EnqueueWorkload : Workload
    {
        private const int PerRound = 64;
        private NodeRig rig;

        public override string Name
        {
            get { return "enqueue-550"; }
        }

        public override int OperationsPerRound
        {
            get { return PerRound; }
        }

        public override void Setup(int rounds)
        {
            rig = new NodeRig();
            rig.CheckRoomFor(rounds * PerRound, 550);
            rig.Encode();
            rig.LastLength = 550;
        }

        public override void RunRound()
        {
            for (int i = 0; i < PerRound; i++)
            {
                rig.Enqueue();
            }
        }
    }
}
