// Reference declaration (signatures only) of nanoFramework.M2Mqtt 5.1.220, namespace nanoFramework.M2Mqtt.
// Values are the CONNECT protocol level bytes.

namespace nanoFramework.M2Mqtt
{
    public enum MqttProtocolVersion
    {
        Version_3_1 = 0x03,
        Version_3_1_1 = 0x04,
        Version_5 = 0x05,
    }
}
