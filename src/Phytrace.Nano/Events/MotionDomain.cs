namespace Phytrace.Nano.Events
{
    /// <summary>UDM "motion" domain (03-motion): speed, state, IMU vectors, commands.</summary>
    public sealed class MotionDomain
    {
        /// <summary>motion.speed_mps, not negative.</summary>
        public OptionalDouble SpeedMps;
        /// <summary>motion.motion_state.</summary>
        public MotionState MotionState;
        /// <summary>motion.frame_id; null leaves it out.</summary>
        public string? FrameId;
        /// <summary>motion.commanded_linear_mps.</summary>
        public OptionalDouble CommandedLinearMps;
        /// <summary>motion.commanded_angular_dps.</summary>
        public OptionalDouble CommandedAngularDps;
        /// <summary>motion.linear_velocity {x,y,z} in m/s.</summary>
        public readonly Vector3 LinearVelocity = new Vector3();
        /// <summary>motion.angular_velocity {x,y,z} in deg/s.</summary>
        public readonly Vector3 AngularVelocity = new Vector3();
        /// <summary>motion.linear_acceleration {x,y,z} in m/s^2.</summary>
        public readonly Vector3 LinearAcceleration = new Vector3();

        public bool IsSet
        {
            get { return SpeedMps.HasValue || MotionState != MotionState.NotSet || FrameId != null || CommandedLinearMps.HasValue || CommandedAngularDps.HasValue || LinearVelocity.IsSet || AngularVelocity.IsSet || LinearAcceleration.IsSet; }
        }

        public void Reset()
        {
            SpeedMps.HasValue = false;
            MotionState = MotionState.NotSet;
            FrameId = null;
            CommandedLinearMps.HasValue = false;
            CommandedAngularDps.HasValue = false;
            // The vectors' flags cleared here, not by three Vector3.Reset calls: every event is
            // reset, and on the device a call costs more than its three stores.
            Vector3 v = LinearVelocity;
            v.X.HasValue = false;
            v.Y.HasValue = false;
            v.Z.HasValue = false;
            v = AngularVelocity;
            v.X.HasValue = false;
            v.Y.HasValue = false;
            v.Z.HasValue = false;
            v = LinearAcceleration;
            v.X.HasValue = false;
            v.Y.HasValue = false;
            v.Z.HasValue = false;
        }
    }
}
