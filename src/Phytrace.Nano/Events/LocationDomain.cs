namespace Phytrace.Nano.Events
{
    /// <summary>UDM "location" domain (02-location): geographic and/or local-frame position.</summary>
    public sealed class LocationDomain
    {
        /// <summary>location.latitude, -90..90.</summary>
        public OptionalDouble Latitude;
        /// <summary>location.longitude, -180..180.</summary>
        public OptionalDouble Longitude;
        /// <summary>location.altitude_m.</summary>
        public OptionalDouble AltitudeM;
        /// <summary>location.heading_deg, 0 inclusive .. 360 exclusive.</summary>
        public OptionalDouble HeadingDeg;
        /// <summary>location.local.x_m.</summary>
        public OptionalDouble LocalXM;
        /// <summary>location.local.y_m.</summary>
        public OptionalDouble LocalYM;
        /// <summary>location.local.z_m.</summary>
        public OptionalDouble LocalZM;
        /// <summary>location.horizontal_accuracy_m, not negative.</summary>
        public OptionalDouble HorizontalAccuracyM;
        /// <summary>location.frame_id (e.g. "map"); null leaves it out.</summary>
        public string? FrameId;
        /// <summary>location.map_id; null leaves it out.</summary>
        public string? MapId;
        /// <summary>location.floor.</summary>
        public OptionalLong Floor;

        /// <summary>Sets latitude and longitude.</summary>
        public void SetGeo(double latitude, double longitude)
        {
            Latitude.Set(latitude);
            Longitude.Set(longitude);
        }

        /// <summary>Sets local x/y/z in metres in <paramref name="frameId"/>.</summary>
        public void SetLocal(double xM, double yM, double zM, string frameId)
        {
            // Stored here rather than through OptionalDouble.Set: on the device each call costs more than its two stores.
            LocalXM.Value = xM;
            LocalXM.HasValue = true;
            LocalYM.Value = yM;
            LocalYM.HasValue = true;
            LocalZM.Value = zM;
            LocalZM.HasValue = true;
            FrameId = frameId;
        }

        public bool HasLocal
        {
            get { return LocalXM.HasValue || LocalYM.HasValue || LocalZM.HasValue; }
        }

        public bool IsSet
        {
            get { return Latitude.HasValue || Longitude.HasValue || AltitudeM.HasValue || HeadingDeg.HasValue || HasLocal || HorizontalAccuracyM.HasValue || FrameId != null || MapId != null || Floor.HasValue; }
        }

        public void Reset()
        {
            Latitude.HasValue = false;
            Longitude.HasValue = false;
            AltitudeM.HasValue = false;
            HeadingDeg.HasValue = false;
            LocalXM.HasValue = false;
            LocalYM.HasValue = false;
            LocalZM.HasValue = false;
            HorizontalAccuracyM.HasValue = false;
            FrameId = null;
            MapId = null;
            Floor.HasValue = false;
        }
    }
}
