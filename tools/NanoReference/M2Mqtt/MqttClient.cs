// Reference declaration (signatures only) of nanoFramework.M2Mqtt 5.1.220, namespace nanoFramework.M2Mqtt.
// Only the members src/Phytrace.Nano.Esp32 uses. The real constructor creates the network
// channel, which resolves the broker's host name and throws when the network is down.

using System;
using System.Collections;
using System.Security.Cryptography.X509Certificates;
using nanoFramework.M2Mqtt.Messages;

namespace nanoFramework.M2Mqtt
{
    public class MqttClient : IDisposable
    {
        public MqttClient(string brokerHostName, int brokerPort, bool secure, X509Certificate caCert, X509Certificate clientCert, MqttSslProtocols sslProtocol)
        {
            throw new NotImplementedException();
        }

        public event IMqttClient.MqttMsgPublishedEventHandler MqttMsgPublished;

        public event IMqttClient.ConnectionClosedEventHandler ConnectionClosed;

        public bool IsConnected
        {
            get { throw new NotImplementedException(); }
        }

        public MqttProtocolVersion ProtocolVersion
        {
            get { throw new NotImplementedException(); }
            set { throw new NotImplementedException(); }
        }

        public MqttReasonCode Connect(string clientId, string username, string password, bool willRetain, MqttQoSLevel willQosLevel, bool willFlag, string willTopic, string willMessage, bool cleanSession, ushort keepAlivePeriod)
        {
            throw new NotImplementedException();
        }

        public ushort Publish(string topic, byte[] message, string contentType, ArrayList userProperties, MqttQoSLevel qosLevel, bool retain)
        {
            throw new NotImplementedException();
        }

        public void Disconnect()
        {
            throw new NotImplementedException();
        }

        /// <summary>Closes the channel and stops the client's threads without a DISCONNECT.</summary>
        public void Close()
        {
            throw new NotImplementedException();
        }

        public void Dispose()
        {
            throw new NotImplementedException();
        }
    }
}
