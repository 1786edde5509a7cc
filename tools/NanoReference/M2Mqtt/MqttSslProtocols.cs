// Reference declaration (signatures only) of nanoFramework.M2Mqtt 5.1.220, namespace nanoFramework.M2Mqtt.

namespace nanoFramework.M2Mqtt
{
    public enum MqttSslProtocols
    {
        None,
        SSLv3,
        TLSv1_0,
        TLSv1_1,
        TLSv1_2,
        TLSv1_3,
    }
}
