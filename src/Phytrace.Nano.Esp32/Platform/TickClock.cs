using System;
using Phytrace.Nano.Platform;

namespace Phytrace.Nano.Esp32.Platform
{
    /// <summary>
    /// The device's monotonic millisecond clock: Environment.TickCount64 from
    /// nanoFramework.Runtime.Native (nanoFramework's mscorlib has no Environment).
    /// </summary>
    public sealed class TickClock : ITickClock
    {
        /// <summary>The one instance; the clock has no state.</summary>
        public static readonly TickClock Instance = new TickClock();

        /// <inheritdoc />
        public long NowMs
        {
            get
            {
                // The core bans Environment because mscorlib lacks it; Runtime.Native supplies this member.
#pragma warning disable RS0030
                return Environment.TickCount64;
#pragma warning restore RS0030
            }
        }
    }
}
