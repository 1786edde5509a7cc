namespace Phytrace.Nano.Uplink
{
    /// <summary>
    /// Turns the code in a CONNACK into a <see cref="MqttReasonCode"/>. MQTT 5 brokers send reason
    /// codes (0x00, 0x80 and up), which pass through; MQTT 3.1.1 brokers send return codes 1 to 5,
    /// which map onto their MQTT 5 equivalents. Used by the session adapters so the uplink sees one
    /// set of codes whatever protocol level was negotiated.
    /// </summary>
    public static class ConnackCodes
    {
        /// <summary>The reason code for a CONNACK code byte.</summary>
        public static MqttReasonCode ToReasonCode(int connackCode)
        {
            switch (connackCode)
            {
                case 0x00:
                    return MqttReasonCode.Success;
                case 0x01:
                    return MqttReasonCode.UnsupportedProtocolVersion;
                case 0x02:
                    return MqttReasonCode.ClientIdentifierNotValid;
                case 0x03:
                    return MqttReasonCode.ServerUnavailable;
                case 0x04:
                    return MqttReasonCode.BadUserNameOrPassword;
                case 0x05:
                    return MqttReasonCode.NotAuthorized;
                default:
                    return connackCode >= 0x80 && connackCode <= 0xFF ? (MqttReasonCode)connackCode : MqttReasonCode.UnspecifiedError;
            }
        }
    }
}
