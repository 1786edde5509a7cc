// Device code (nanoFramework has no nullable annotations); fields are set in Setup.
#nullable disable

using Phytrace.Nano.Batching;
using Phytrace.Nano.Compression;

namespace Phytrace.Nano.DeviceBenchmark
{
    /// <summary>
    /// gzip of the default batch: the envelope of 53 typical events (about 32.6 KB) as the uplink
    /// builds it, compressed at one level by a GzipEncoder with the default memory sizes.
    /// </summary>
    public sealed class GzipBatchWorkload : Workload
    {
        private readonly int level;
        private GzipEncoder encoder;
        private byte[] envelope;
        private byte[] output;
        private int envelopeLength;
        private int compressedLength;

        public GzipBatchWorkload(int level)
        {
            this.level = level;
        }

        public override string Name
        {
            get { return "gzip" + level.ToString() + "-batch"; }
        }

        public override int OperationsPerRound
        {
            get { return 1; }
        }

        /// <summary>The uncompressed batch (envelope JSON), built once.</summary>
        public static byte[] BuildEnvelope(out int length)
        {
            var rig = new NodeRig(-1);
            for (int i = 0; i < NodeRig.BatchEvents; i++)
            {
                rig.Encode();
                rig.Enqueue();
            }
            int n = rig.Buffer.Dequeue(rig.Read, BatchConfig.DefaultMaxBatchSize);
            if (n != NodeRig.BatchEvents)
            {
                throw new System.InvalidOperationException("the default batch holds " + n.ToString() + " events, expected " + NodeRig.BatchEvents.ToString());
            }
            Batch batch = rig.Builder.Build(rig.Read);
            byte[] copy = new byte[batch.PayloadLength];
            System.Array.Copy(batch.Payload, batch.PayloadOffset, copy, 0, batch.PayloadLength);
            length = batch.PayloadLength;
            return copy;
        }

        public override void Setup(int rounds)
        {
            envelope = BuildEnvelope(out envelopeLength);
            encoder = new GzipEncoder(level);
            output = new byte[GzipEncoder.MaxCompressedSize(envelopeLength)];
        }

        public override void RunRound()
        {
            compressedLength = encoder.Compress(envelope, 0, envelopeLength, output, 0, output.Length);
        }

        /// <summary>Bytes of the envelope.</summary>
        public int InputLength
        {
            get { return envelopeLength; }
        }

        /// <summary>Compressed bytes (the same on .NET and the device: same code, same input).</summary>
        public override long Check
        {
            get { return compressedLength; }
        }

        /// <summary>The envelope bytes (for the host's zlib comparison).</summary>
        public byte[] Envelope
        {
            get { return envelope; }
        }
    }
}
