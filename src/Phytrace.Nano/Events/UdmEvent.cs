using System;
using Phytrace.Nano.Formats;

namespace Phytrace.Nano.Events
{
    /// <summary>
    /// One UDM v0.0.3 event, built to be reused: allocate one per producer, call <see cref="Reset"/>
    /// (or let <see cref="UdmEventFactory.Begin"/> do it) and fill it for each reading. Optional
    /// values carry explicit "has value" flags and are written only when set; null strings are left out.
    /// </summary>
    public sealed class UdmEvent
    {
        /// <summary>The udm_version this library writes.</summary>
        public const string UdmVersion = "0.0.3";

        /// <summary>Extensions entries an event holds unless told otherwise.</summary>
        public const int DefaultExtensionCapacity = 8;

        /// <summary>event_id: the 16 bytes of a UUID (RFC 9562 byte order); see <see cref="HasEventId"/>.</summary>
        public readonly byte[] EventId = new byte[UuidText.ByteLength];

        /// <summary>True once <see cref="EventId"/> holds an id (required).</summary>
        public bool HasEventId;

        /// <summary>event_type.</summary>
        public UdmEventType EventType;

        /// <summary>source_id, 1..256 characters (required).</summary>
        public string? SourceId;

        /// <summary>source_type.</summary>
        public UdmSourceType SourceType;

        /// <summary>captured_at as microseconds since the Unix epoch; see <see cref="HasCapturedAt"/>.</summary>
        public long CapturedAtMicros;

        /// <summary>True once <see cref="CapturedAtMicros"/> is set (required).</summary>
        public bool HasCapturedAt;

        /// <summary>False if captured_at came from a wall clock not yet synchronised (not written to JSON; the buffer keeps it).</summary>
        public bool CapturedAtClockSynced;

        /// <summary>sequence_num, not negative.</summary>
        public OptionalLong SequenceNum;

        /// <summary>session_id; null leaves it out.</summary>
        public string? SessionId;

        /// <summary>sent_at, microseconds since the Unix epoch.</summary>
        public OptionalLong SentAtMicros;

        /// <summary>sdk_version; null leaves it out.</summary>
        public string? SdkVersion;

        public readonly PowerDomain Power = new PowerDomain();
        public readonly ThermalDomain Thermal = new ThermalDomain();
        public readonly LocationDomain Location = new LocationDomain();
        public readonly MotionDomain Motion = new MotionDomain();
        public readonly SafetyDomain Safety = new SafetyDomain();
        public readonly EnvironmentReadings Environment = new EnvironmentReadings();
        public readonly CommunicationDomain Communication = new CommunicationDomain();
        public readonly UdmExtensions Extensions;

        public UdmEvent()
            : this(DefaultExtensionCapacity)
        {
        }

        public UdmEvent(int extensionCapacity)
        {
            Extensions = new UdmExtensions(extensionCapacity);
        }

        /// <summary>Sets <see cref="EventId"/> from 16 bytes at id[offset].</summary>
        public void SetEventId(byte[] id, int offset)
        {
            Array.Copy(id, offset, EventId, 0, UuidText.ByteLength);
            HasEventId = true;
        }

        /// <summary>Sets captured_at and whether the clock it came from was synchronised.</summary>
        public void SetCapturedAt(long unixMicros, bool clockSynced)
        {
            CapturedAtMicros = unixMicros;
            HasCapturedAt = true;
            CapturedAtClockSynced = clockSynced;
        }

        /// <summary>
        /// Clears every field, keeping the arrays, so the instance can be refilled. An optional
        /// field is cleared by its flag alone (its value is meaningless while unset): on the device
        /// a Clear() call per field was a tenth of beginning an event.
        /// </summary>
        public void Reset()
        {
            HasEventId = false;
            EventType = UdmEventType.TelemetryPeriodic;
            SourceId = null;
            SourceType = UdmSourceType.Amr;
            CapturedAtMicros = 0;
            HasCapturedAt = false;
            CapturedAtClockSynced = false;
            SequenceNum.HasValue = false;
            SessionId = null;
            SentAtMicros.HasValue = false;
            SdkVersion = null;
            Power.Reset();
            Thermal.Reset();
            Location.Reset();
            Motion.Reset();
            Safety.Reset();
            Environment.Reset();
            Communication.Reset();
            Extensions.Reset();
        }
    }
}
