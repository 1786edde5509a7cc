// Reference declaration (signatures only) of nanoFramework.M2Mqtt 5.1.221, namespace nanoFramework.M2Mqtt.Exceptions.
// Thrown by Publish/Connect when sending on a dropped link fails.

using System;

namespace nanoFramework.M2Mqtt.Exceptions
{
    public class MqttCommunicationException : Exception
    {
        public MqttCommunicationException(Exception e) : base(string.Empty, e)
        {
            throw new NotImplementedException();
        }
    }
}
