// Reference declaration (signatures only) of nanoFramework.Runtime.Native 1.7.11, namespace System (partial class Environment).
// nanoFramework's mscorlib has no Environment; this package adds TickCount64, the monotonic
// millisecond clock the core's ITickClock runs on.

namespace System
{
    public static partial class Environment
    {
        public static long TickCount64
        {
            get { throw new NotImplementedException(); }
        }
    }
}
