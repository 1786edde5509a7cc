using System;
using Phytrace.Nano.Formats;
using Phytrace.Nano.Platform;

namespace Phytrace.Nano.Events
{
    /// <summary>
    /// Starts events for one node: <see cref="Begin"/> resets a reusable <see cref="UdmEvent"/> and
    /// fills source_id, source_type, session_id, sdk_version, a monotonic sequence_num, a fresh
    /// UUIDv7 event_id and captured_at (with whether the wall clock was synchronised), so
    /// application code only sets what it measured. Thread-safe; allocates nothing.
    /// </summary>
    public sealed class UdmEventFactory
    {
        private readonly NodeIdentity identity;
        private readonly IWallClock wall;
        private readonly Uuid7Generator ids;
        private readonly object gate = new object();
        // The identity's values, read once: NodeIdentity does not change, and on the device each
        // property read in Begin is a call.
        private readonly string sourceId;
        private readonly UdmSourceType sourceType;
        private readonly string? sessionId;
        private readonly string? sdkVersion;
        private long nextSequence;

        public UdmEventFactory(NodeIdentity identity, IWallClock wall, ITickClock tick, IRandomSource random)
        {
            if (identity == null || wall == null)
            {
                throw new ArgumentNullException(identity == null ? nameof(identity) : nameof(wall));
            }
            this.identity = identity;
            sourceId = identity.SourceId;
            sourceType = identity.SourceType;
            sessionId = identity.SessionId;
            sdkVersion = identity.SdkVersion;
            this.wall = wall;
            ids = new Uuid7Generator(wall, tick, random);
        }

        public NodeIdentity Identity
        {
            get { return identity; }
        }

        /// <summary>
        /// The sequence_num the next event gets. Starts at 0; set it (for example from the buffer's
        /// newest record after a reboot) to keep sequence numbers monotonic across boots.
        /// </summary>
        public long NextSequence
        {
            get
            {
                lock (gate)
                {
                    return nextSequence;
                }
            }
            set
            {
                if (value < 0)
                {
                    throw new ArgumentOutOfRangeException(nameof(value), "sequence_num must not be negative");
                }
                lock (gate)
                {
                    nextSequence = value;
                }
            }
        }

        /// <summary>Resets <paramref name="e"/> and fills the envelope for an event of <paramref name="eventType"/> captured now.</summary>
        public void Begin(UdmEvent e, UdmEventType eventType)
        {
            if (e == null)
            {
                throw new ArgumentNullException(nameof(e));
            }
            bool synced = wall.IsSynchronized;
            long micros = Iso8601Utc.ToUnixMicros(wall.UtcNow);
            e.Reset();
            e.EventType = eventType;
            e.SourceId = sourceId;
            e.SourceType = sourceType;
            e.SessionId = sessionId;
            e.SdkVersion = sdkVersion;
            // The fields SetCapturedAt and SequenceNum.Set would set, stored here: on the device
            // each of those calls cost more than its stores.
            e.CapturedAtMicros = micros;
            e.HasCapturedAt = true;
            e.CapturedAtClockSynced = synced;
            // Milliseconds rounded down, also before 1970.
            long ms = micros / 1000;
            if (micros < 0 && ms * 1000 != micros)
            {
                ms--;
            }
            // One lock for the id and the sequence number: the generator is this factory's own,
            // used only under this lock.
            lock (gate)
            {
                ids.NextAtUnderCallersLock(ms, e.EventId, 0);
                e.SequenceNum.Value = nextSequence;
                nextSequence++;
            }
            e.SequenceNum.HasValue = true;
            e.HasEventId = true;
        }
    }
}
