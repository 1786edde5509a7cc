// Device code (nanoFramework has no nullable annotations); fields are set in Setup.
#nullable disable

namespace Phytrace.Nano.DeviceBenchmark
{
    /// <summary>
    /// The uplink's read side per event: Dequeue of a batch's worth (53 events of 550 bytes), then
    /// AcknowledgeThrough; the events are enqueued in <see cref="Setup"/>.
    /// </summary>
    public sealed class DequeueAckWorkload : Workload
    {
        private NodeRig rig;

        public override string Name
        {
            get { return "dequeue-ack"; }
        }

        public override int OperationsPerRound
        {
            get { return NodeRig.BatchEvents; }
        }

        public override void Setup(int rounds)
        {
            rig = new NodeRig();
            rig.CheckRoomFor(rounds * NodeRig.BatchEvents, 550);
            rig.Encode();
            rig.LastLength = 550;
            for (int i = 0; i < rounds * NodeRig.BatchEvents; i++)
            {
                rig.Enqueue();
            }
        }

        public override void RunRound()
        {
            int n = rig.Buffer.Dequeue(rig.Read, NodeRig.BatchEvents);
            if (n != NodeRig.BatchEvents)
            {
                throw new System.InvalidOperationException("dequeued " + n.ToString() + " events, expected " + NodeRig.BatchEvents.ToString());
            }
            rig.Buffer.AcknowledgeThrough(rig.Read.Sequence(n - 1));
        }
    }
}
