// Device code (nanoFramework has no nullable annotations); fields are set in Setup.
#nullable disable

using Phytrace.Nano.Batching;
using Phytrace.Nano.Compression;

namespace Phytrace.Nano.DeviceBenchmark
{
    /// <summary>
    /// gzip of one batch: the envelope of typical events as the uplink builds it (53 events, about
    /// 32.6 KB, when max_batch_bytes alone closes it, as in issue 17's table; fewer with a smaller
    /// max_batch_size), compressed at one level with blocks of a given number of symbols.
    /// </summary>
    public sealed class GzipBatchWorkload : Workload
    {
        private readonly string name;
        private readonly GzipShape shape;
        private readonly int batchEvents;
        private GzipEncoder encoder;
        private byte[] envelope;
        private byte[] output;
        private int envelopeLength;
        private int compressedLength;

        public GzipBatchWorkload(string name, GzipShape shape, int batchEvents)
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
            get { return 1; }
        }

        public override int Rounds
        {
            get { return 5; }
        }

        /// <summary>The uncompressed batch (envelope JSON) of <paramref name="events"/> typical events, built once.</summary>
        public static byte[] BuildEnvelope(int events, out int length)
        {
            var rig = new NodeRig(null, events);
            for (int i = 0; i < events; i++)
            {
                rig.Encode();
                rig.Enqueue();
            }
            int n = rig.Buffer.Dequeue(rig.Read, events);
            if (n != events)
            {
                throw new System.InvalidOperationException("the batch holds " + n.ToString() + " events, expected " + events.ToString());
            }
            Batch batch = rig.Builder.Build(rig.Read);
            byte[] copy = new byte[batch.PayloadLength];
            System.Array.Copy(batch.Payload, batch.PayloadOffset, copy, 0, batch.PayloadLength);
            length = batch.PayloadLength;
            return copy;
        }

        public override void Setup(int rounds)
        {
            envelope = BuildEnvelope(batchEvents, out envelopeLength);
            encoder = shape.NewEncoder();
            output = new byte[GzipEncoder.MaxCompressedSize(envelopeLength)];
        }

        public override void RunRound()
        {
            compressedLength = encoder.Compress(envelope, 0, envelopeLength, output, 0, output.Length);
        }

        /// <summary>Compressed bytes (the same on .NET and the device: same code, same input).</summary>
        public override long Check
        {
            get { return compressedLength; }
        }
    }
}
