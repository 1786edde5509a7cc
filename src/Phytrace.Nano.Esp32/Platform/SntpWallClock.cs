using System;
using nanoFramework.Networking;
using Phytrace.Nano.Platform;

namespace Phytrace.Nano.Esp32.Platform
{
    /// <summary>
    /// The UTC wall clock, set by SNTP (nanoFramework.Networking.Sntp). It reports itself
    /// synchronised once SNTP has been started and the clock shows a plausible year; until then
    /// records are captured as "unsynced" and never expired by age.
    /// </summary>
    public sealed class SntpWallClock : IWallClock
    {
        // Sntp.Server1 hands lwIP a pointer to the string's characters, which lwIP reads on every
        // update from then on (nf-interpreter, nf_networking_sntp_nanoFramework_Networking_Sntp.cpp,
        // sntp_setservername). The string must outlive SNTP, which nothing stops: a static field
        // keeps the last one given alive for as long as the program runs.
        private static string serverInUse = string.Empty;

        private readonly string server;
        private bool synchronized;

        /// <summary>Uses <paramref name="server"/> (BoardConfig.SntpServer); empty runs without SNTP.</summary>
        public SntpWallClock(string server)
        {
            this.server = server ?? string.Empty;
        }

        /// <summary>Starts SNTP (after the network is up). Does nothing without a server.</summary>
        public void Start()
        {
            if (server.Length == 0)
            {
                return;
            }
            serverInUse = server;
            Sntp.Server1 = serverInUse;
            if (!Sntp.IsStarted)
            {
                Sntp.Start();
            }
            Sntp.UpdateNow();
        }

        /// <inheritdoc />
        public DateTime UtcNow
        {
            get { return DateTime.UtcNow; }
        }

        /// <inheritdoc />
        public bool IsSynchronized
        {
            get
            {
                // Once true it stays true: SNTP only moves a synchronised clock by small steps.
                if (!synchronized && server.Length != 0 && Sntp.IsStarted && ClockPlausibility.IsPlausible(DateTime.UtcNow))
                {
                    synchronized = true;
                }
                return synchronized;
            }
        }
    }
}
