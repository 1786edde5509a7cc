// Reference declaration (signatures only) of nanoFramework.M2Mqtt 5.1.221, namespace nanoFramework.M2Mqtt.Exceptions.
// Thrown by MqttClient.Connect when the TCP/TLS connection to the broker fails.

using System;

namespace nanoFramework.M2Mqtt.Exceptions
{
    public class MqttConnectionException : Exception
    {
        public MqttConnectionException(string message, Exception innerException) : base(message, innerException)
        {
            throw new NotImplementedException();
        }
    }
}
