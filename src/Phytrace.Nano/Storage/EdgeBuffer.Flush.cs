using System;
using Phytrace.Nano.Reliability;
using Phytrace.Nano.Transport;

namespace Phytrace.Nano.Storage
{
    /// <summary>The seed's flush(transport, batch_size).</summary>
    public sealed partial class EdgeBuffer
    {
        /// <summary>
        /// Sends every buffered event through <paramref name="transport"/> in batches of up to
        /// <paramref name="batchSize"/>, oldest first; each acknowledged batch is consumed durably.
        /// Stops at the first failure (the events stay). Allocates one batch per call.
        /// </summary>
        public BatchSendResult Flush(IEventTransport transport, int batchSize)
        {
            if (transport == null)
            {
                throw new ArgumentNullException(nameof(transport));
            }
            if (batchSize < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(batchSize), "batchSize must be at least 1, got " + batchSize.ToString());
            }
            var result = new BatchSendResult();
            var attempt = new BatchSendResult();
            long room = (long)batchSize * storedMaxSize;
            var batch = new BufferedEvents(batchSize, room > 262144 ? 262144 : (int)room);
            while (true)
            {
                if (!transport.IsConnected)
                {
                    long waiting = Count;
                    if (waiting > 0)
                    {
                        result.Fail((int)waiting, ErrorType.NetworkError, "transport not connected");
                    }
                    break;
                }
                int n = Dequeue(batch, batchSize);
                if (n == 0)
                {
                    break;
                }
                attempt.Reset();
                if (!transport.Send(batch, attempt))
                {
                    result.Fail((int)Count, attempt.Error == ErrorType.None ? ErrorType.Unknown : attempt.Error, attempt.ErrorMessage ?? "send failed");
                    break;
                }
                AcknowledgeThrough(batch.Sequence(n - 1));
                result.Sent += n;
                result.Batches++;
            }
            return result;
        }

        /// <summary>The seed's flush with its default batch_size of 100.</summary>
        public BatchSendResult Flush(IEventTransport transport)
        {
            return Flush(transport, 100);
        }
    }
}
