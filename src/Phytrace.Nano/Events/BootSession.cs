using System;
using Phytrace.Nano.Formats;
using Phytrace.Nano.Platform;

namespace Phytrace.Nano.Events
{
    /// <summary>
    /// One boot of a node: a session_id (a UUIDv7, new at every start) written into every event the
    /// node builds and into its status and Last Will, and when the boot happened. Together with
    /// sequence_num (strictly increasing per source, across boots) it lets a consumer tell boots
    /// apart and see gaps. An ESP32 without SNTP boots near 1970: the boot time is then recomputed
    /// from the monotonic clock once the wall clock is synchronised.
    /// </summary>
    public sealed class BootSession
    {
        private readonly byte[] id = new byte[UuidText.ByteLength];
        private readonly IWallClock wall;
        private readonly ITickClock tick;
        private readonly long bootTickMs;
        private readonly long bootWallMicros;
        private readonly bool bootWallSynced;

        /// <summary>Starts a session now: its id from <paramref name="random"/> and the clocks.</summary>
        public BootSession(IWallClock wall, ITickClock tick, IRandomSource random)
        {
            if (wall == null || tick == null || random == null)
            {
                throw new ArgumentNullException(wall == null ? nameof(wall) : tick == null ? nameof(tick) : nameof(random));
            }
            this.wall = wall;
            this.tick = tick;
            bootTickMs = tick.NowMs;
            bootWallSynced = wall.IsSynchronized;
            bootWallMicros = Iso8601Utc.ToUnixMicros(wall.UtcNow);
            new Uuid7Generator(wall, tick, random).Next(id, 0);
            SessionId = UuidText.ToString(id, 0);
        }

        /// <summary>The session_id text (canonical UUIDv7), made once per boot.</summary>
        public string SessionId { get; private set; }

        /// <summary>The session id's 16 bytes.</summary>
        public byte[] IdBytes
        {
            get { return id; }
        }

        /// <summary>
        /// When the node booted, Unix microseconds: from the wall clock now minus the monotonic time
        /// since boot when the wall clock is synchronised, else the (unsynchronised) reading at boot.
        /// </summary>
        public long BootAtMicros
        {
            get
            {
                if (!wall.IsSynchronized)
                {
                    return bootWallMicros;
                }
                long sinceBootMs = tick.NowMs - bootTickMs;
                return Iso8601Utc.ToUnixMicros(wall.UtcNow) - (sinceBootMs * 1000L);
            }
        }

        /// <summary>True if <see cref="BootAtMicros"/> comes from a synchronised wall clock.</summary>
        public bool BootAtSynced
        {
            get { return bootWallSynced || wall.IsSynchronized; }
        }
    }
}
