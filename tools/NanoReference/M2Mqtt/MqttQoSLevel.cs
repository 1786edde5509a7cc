// Reference declaration (signatures only) of nanoFramework.M2Mqtt 5.1.221, namespace nanoFramework.M2Mqtt.Messages.

namespace nanoFramework.M2Mqtt.Messages
{
    public enum MqttQoSLevel : byte
    {
        AtMostOnce = 0x00,
        AtLeastOnce = 0x01,
        ExactlyOnce = 0x02,
    }
}
