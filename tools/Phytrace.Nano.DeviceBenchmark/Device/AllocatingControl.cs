namespace Phytrace.Nano.DeviceBenchmark
{
    /// <summary>
    /// The allocation check's control: a workload that allocates one small object per operation,
    /// which the check must report as collected. Shows that a "no collection" result of the real
    /// workloads means something on this runtime.
    /// </summary>
    public sealed class AllocatingControl : Workload
    {
        private const int PerRound = 64;
        private object last;

        public override string Name
        {
            get { return "control-allocating"; }
        }

        public override int OperationsPerRound
        {
            get { return PerRound; }
        }

        public override void Setup(int rounds)
        {
        }

        public override void RunRound()
        {
            for (int i = 0; i < PerRound; i++)
            {
                last = new object();
            }
        }

        public override long Check
        {
            get { return last == null ? 0 : 1; }
        }
    }
}
