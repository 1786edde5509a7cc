using System;

namespace Phytrace.Nano.Platform
{
    /// <summary>
    /// The UTC wall clock. An ESP32 without SNTP boots near 1970, so the clock says whether it
    /// has been synchronised; times taken while it is not are marked "unsynced" and never used
    /// for age arithmetic.
    /// </summary>
    public interface IWallClock
    {
        /// <summary>Current UTC time (possibly wrong if <see cref="IsSynchronized"/> is false).</summary>
        DateTime UtcNow { get; }

        /// <summary>True once the clock is known to be right (SNTP, GPS, RTC with valid time).</summary>
        bool IsSynchronized { get; }
    }
}
