using System;

namespace Phytrace.Nano.Uplink
{
    /// <summary>A session operation failed (not connected, link dropped mid-publish, payload refused).</summary>
    public sealed class MqttSessionException : Exception
    {
        /// <summary>Creates the exception with a message saying what failed.</summary>
        public MqttSessionException(string message) : base(message)
        {
        }

        /// <summary>Creates the exception wrapping the adapter's own error.</summary>
        public MqttSessionException(string message, Exception inner) : base(message, inner)
        {
        }
    }
}
