namespace Phytrace.Nano.DeviceBenchmark
{
    /// <summary>
    /// One measured operation. The same sources run on the device (nanoCLR) and on .NET, so the two
    /// figures of a row time the same code on the same data. Every part of a round is measured (the
    /// host also takes the device process's CPU time over all rounds); what must not be measured
    /// happens in <see cref="Setup"/>.
    /// </summary>
    public abstract class Workload
    {
        /// <summary>Short name, the row key the host tool matches (for example "crc32-4k").</summary>
        public abstract string Name { get; }

        /// <summary>Operations one round performs; the figure reported is time per operation.</summary>
        public abstract int OperationsPerRound { get; }

        /// <summary>Measured rounds on the device (about a tenth of a second or more in all on nanoCLR).</summary>
        public virtual int Rounds
        {
            get { return 15; }
        }

        /// <summary>Prepares buffers and data for <paramref name="rounds"/> rounds (not measured).</summary>
        public abstract void Setup(int rounds);

        /// <summary>Runs one round (measured).</summary>
        public abstract void RunRound();

        /// <summary>A number the host checks against .NET (same code, same data, same result), or -1.</summary>
        public virtual long Check
        {
            get { return -1; }
        }
    }
}
