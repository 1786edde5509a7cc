// Reference declaration (signatures only) of nanoFramework.M2Mqtt 5.1.220 (assembly nanoFramework.M2Mqtt.Core), namespace nanoFramework.M2Mqtt.Messages.

namespace nanoFramework.M2Mqtt.Messages
{
    public enum MqttQoSLevel
    {
        AtMostOnce = 0x00,
        AtLeastOnce = 0x01,
        ExactlyOnce = 0x02,
        GrantedFailure = 0x80,
    }
}
