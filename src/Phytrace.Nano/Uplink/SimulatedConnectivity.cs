namespace Phytrace.Nano.Uplink
{
    /// <summary>Connectivity switched by hand: Wi-Fi drops in tests, the simulator and the self-test.</summary>
    public sealed class SimulatedConnectivity : IConnectivity
    {
        private readonly object gate = new object();
        private bool isUp;

        /// <summary>Starts up or down.</summary>
        public SimulatedConnectivity(bool initiallyUp)
        {
            isUp = initiallyUp;
        }

        /// <inheritdoc />
        public bool IsUp
        {
            get
            {
                lock (gate)
                {
                    return isUp;
                }
            }
        }

        /// <inheritdoc />
        public event ConnectivityChangedHandler? Changed;

        /// <summary>Sets the state; raises <see cref="Changed"/> only if it changed.</summary>
        public void Set(bool up)
        {
            lock (gate)
            {
                if (isUp == up)
                {
                    return;
                }
                isUp = up;
            }
            ConnectivityChangedHandler? handler = Changed;
            if (handler != null)
            {
                handler(up);
            }
        }
    }
}
