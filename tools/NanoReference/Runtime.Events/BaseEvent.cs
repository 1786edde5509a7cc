// Reference declaration (signatures only) of nanoFramework.Runtime.Events 1.11.37, namespace nanoFramework.Runtime.Events.
// The base of native events' arguments (GPIO pin changes).

using System;

namespace nanoFramework.Runtime.Events
{
    public class BaseEvent
    {
        public ushort Source;

        public byte Message;
    }
}
