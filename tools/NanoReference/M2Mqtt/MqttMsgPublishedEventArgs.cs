// Reference declaration (signatures only) of nanoFramework.M2Mqtt 5.1.220 (assembly nanoFramework.M2Mqtt.Core), namespace nanoFramework.M2Mqtt.Messages.

using System;

namespace nanoFramework.M2Mqtt.Messages
{
    public class MqttMsgPublishedEventArgs : EventArgs
    {
        public MqttMsgPublishedEventArgs(ushort messageId)
        {
            throw new NotImplementedException();
        }

        public MqttMsgPublishedEventArgs(ushort messageId, bool isPublished)
        {
            throw new NotImplementedException();
        }

        public ushort MessageId
        {
            get { throw new NotImplementedException(); }
            set { throw new NotImplementedException(); }
        }

        public bool IsPublished
        {
            get { throw new NotImplementedException(); }
            set { throw new NotImplementedException(); }
        }
    }
}
