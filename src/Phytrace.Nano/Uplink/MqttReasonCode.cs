namespace Phytrace.Nano.Uplink
{
    /// <summary>
    /// The answer to a connect attempt: MQTT 5 CONNACK reason codes (as M2Mqtt 5.x returns them;
    /// MQTT 3.1.1 return codes are mapped onto these by the adapters), plus
    /// <see cref="NetworkUnreachable"/> for a broker that could not be reached at all, which M2Mqtt
    /// reports by throwing and the adapters turn into this value.
    /// </summary>
    public enum MqttReasonCode
    {
        Success = 0x00,
        UnspecifiedError = 0x80,
        MalformedPacket = 0x81,
        ProtocolError = 0x82,
        ImplementationSpecificError = 0x83,
        UnsupportedProtocolVersion = 0x84,
        ClientIdentifierNotValid = 0x85,
        BadUserNameOrPassword = 0x86,
        NotAuthorized = 0x87,
        ServerUnavailable = 0x88,
        ServerBusy = 0x89,
        Banned = 0x8A,
        BadAuthenticationMethod = 0x8C,
        PacketTooLarge = 0x95,
        QuotaExceeded = 0x97,
        ConnectionRateExceeded = 0x9F,

        /// <summary>Not a CONNACK: DNS or TCP failed, or the link dropped, before the broker could answer.</summary>
        NetworkUnreachable = 0x100,

        /// <summary>
        /// Not a CONNACK: the TLS handshake failed. The broker's certificate was not trusted
        /// (another CA, expired, issued for another host name) or the broker refused this client's
        /// certificate (mutual TLS). The session's LastConnectError says which.
        /// </summary>
        TlsHandshakeFailed = 0x101,
    }
}
