namespace Phytrace.Nano.Uplink
{
    /// <summary>MQTT quality of service, numbered as on the wire (and as M2Mqtt's MqttQoSLevel).</summary>
    public enum MqttQos
    {
        /// <summary>QoS 0: fire and forget.</summary>
        AtMostOnce = 0,

        /// <summary>QoS 1: acknowledged by PUBACK; what batches use.</summary>
        AtLeastOnce = 1,

        /// <summary>QoS 2: exactly once; not used by the uplink.</summary>
        ExactlyOnce = 2,
    }
}
