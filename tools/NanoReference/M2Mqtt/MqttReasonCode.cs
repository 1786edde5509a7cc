// Reference declaration (signatures only) of nanoFramework.M2Mqtt 5.1.221, namespace nanoFramework.M2Mqtt.Messages.
// The CONNACK reason codes the glue maps (MQTT 5 values; 3.1.1 return codes arrive as these too).

namespace nanoFramework.M2Mqtt.Messages
{
    public enum MqttReasonCode : byte
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
    }
}
