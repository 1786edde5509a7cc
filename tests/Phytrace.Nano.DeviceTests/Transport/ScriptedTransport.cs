using Phytrace.Nano.DeviceTests.Storage;
using Phytrace.Nano.Reliability;
using Phytrace.Nano.Storage;
using Phytrace.Nano.Transport;

namespace Phytrace.Nano.DeviceTests.Transport
{
    /// <summary>
    /// An IEventTransport that acknowledges batches until its script says otherwise: it refuses send
    /// number <see cref="FailAtSend"/> (1-based; 0 never) with <see cref="FailWith"/>, and reports
    /// itself disconnected once <see cref="ConnectedSends"/> sends went through (-1 never). Every
    /// event it is handed is checked against what StorageRig enqueued as the next event in order.
    /// </summary>
    public sealed class ScriptedTransport : IEventTransport
    {
        public int FailAtSend;
        public ErrorType FailWith = ErrorType.None;
        public int ConnectedSends = -1;

        /// <summary>Sends attempted, and events handed over in them (acknowledged or not).</summary>
        public int Sends;
        public long NextExpected;
        public int LargestBatch;

        public bool IsConnected
        {
            get { return ConnectedSends < 0 || Sends < ConnectedSends; }
        }

        public bool Send(BufferedEvents events, BatchSendResult result)
        {
            Sends++;
            if (events.Count > LargestBatch)
            {
                LargestBatch = events.Count;
            }
            for (int i = 0; i < events.Count; i++)
            {
                StorageRig.AssertIsEvent(events, i, NextExpected, EdgeBufferFlushTests.LengthOf(NextExpected), "send " + Sends.ToString() + ", event " + i.ToString());
                NextExpected++;
            }
            if (Sends == FailAtSend)
            {
                // A refused batch is handed over again by the next flush: expect it again.
                NextExpected -= events.Count;
                if (FailWith != ErrorType.None)
                {
                    result.Fail(events.Count, FailWith, "scripted failure of send " + Sends.ToString());
                }
                return false;
            }
            result.Sent += events.Count;
            result.Batches++;
            return true;
        }
    }
}
