// Reference declaration (signatures only) of nanoFramework.M2Mqtt 5.1.220 (assembly nanoFramework.M2Mqtt.Core), namespace nanoFramework.M2Mqtt.
// Declared here only as the scope of the event delegates MqttClient's events use; nothing in
// this repository implements the interface, so its members are not declared.

using System;
using nanoFramework.M2Mqtt.Messages;

namespace nanoFramework.M2Mqtt
{
    public interface IMqttClient
    {
        public delegate void MqttMsgPublishedEventHandler(object sender, MqttMsgPublishedEventArgs e);

        public delegate void ConnectionClosedEventHandler(object sender, EventArgs e);
    }
}
