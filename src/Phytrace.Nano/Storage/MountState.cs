namespace Phytrace.Nano.Storage
{
    /// <summary>Raised when a volume becomes usable (mounted) or stops being usable.</summary>
    public delegate void MountChangedHandler(bool mounted);

    /// <summary>
    /// Whether a volume is mounted, reported once per change however many sources report it: with
    /// a card-detect pin one removal arrives twice (the detect interrupt, then the storage event
    /// that the unmount posts), and listeners must see one MountChanged(false).
    /// </summary>
    public sealed class MountState
    {
        private readonly object gate = new object();
        private bool mounted;

        /// <summary>True while mounted.</summary>
        public bool IsMounted
        {
            get
            {
                lock (gate)
                {
                    return mounted;
                }
            }
        }

        /// <summary>Raised on every change of <see cref="IsMounted"/>, on the reporting thread.</summary>
        public event MountChangedHandler? Changed;

        /// <summary>Sets the state; raises <see cref="Changed"/> only if it changed.</summary>
        public void Set(bool isMounted)
        {
            lock (gate)
            {
                if (mounted == isMounted)
                {
                    return;
                }
                mounted = isMounted;
            }
            MountChangedHandler? handler = Changed;
            if (handler != null)
            {
                handler(isMounted);
            }
        }
    }
}
