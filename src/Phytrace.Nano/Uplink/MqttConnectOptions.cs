namespace Phytrace.Nano.Uplink
{
    /// <summary>
    /// What a connect sends: identity, credentials, keep-alive and the Last Will. Mirrors the
    /// parameters of M2Mqtt's MqttClient.Connect so the device adapter passes them straight on.
    /// </summary>
    public sealed class MqttConnectOptions
    {
        /// <summary>Client identifier; unique per node.</summary>
        public string ClientId = string.Empty;

        /// <summary>User name, or null for none.</summary>
        public string? UserName;

        /// <summary>Password, or null for none.</summary>
        public string? Password;

        /// <summary>Keep-alive period in seconds (0 disables it).</summary>
        public ushort KeepAliveSeconds = 60;

        /// <summary>Start a clean session (the uplink keeps its own state; true by default).</summary>
        public bool CleanSession = true;

        /// <summary>Last Will topic, or null for no will.</summary>
        public string? WillTopic;

        /// <summary>Last Will payload (UTF-8 JSON text).</summary>
        public string? WillMessage;

        /// <summary>Retain the Last Will (the status topic is retained).</summary>
        public bool WillRetain = true;

        /// <summary>QoS of the Last Will.</summary>
        public MqttQos WillQos = MqttQos.AtLeastOnce;
    }
}
