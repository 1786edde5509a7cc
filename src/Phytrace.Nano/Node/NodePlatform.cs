using System;
using Phytrace.Nano.Platform;
using Phytrace.Nano.Storage;
using Phytrace.Nano.Uplink;

namespace Phytrace.Nano.Node
{
    /// <summary>
    /// The node's bindings to its hardware (or the host): where the buffer lives, the MQTT session,
    /// the network signal, clocks and randomness. The ESP32 glue and the host adapters fill this.
    /// </summary>
    public sealed class NodePlatform
    {
        public IStorageMedium? Medium;
        public IMqttSession? Session;
        public IConnectivity? Connectivity;
        public ITickClock? Tick;
        public IWallClock? Wall;
        public IRandomSource? Random;

        /// <summary>Throws ArgumentException naming every binding that is missing.</summary>
        public void Validate()
        {
            string missing = string.Empty;
            if (Medium == null)
            {
                missing += " medium";
            }
            if (Session == null)
            {
                missing += " session";
            }
            if (Connectivity == null)
            {
                missing += " connectivity";
            }
            if (Tick == null)
            {
                missing += " tick";
            }
            if (Wall == null)
            {
                missing += " wall";
            }
            if (Random == null)
            {
                missing += " random";
            }
            if (missing.Length > 0)
            {
                throw new ArgumentException("NodePlatform is missing:" + missing);
            }
        }
    }
}
