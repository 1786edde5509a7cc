using System;

namespace Phytrace.Nano.Platform
{
    /// <summary>
    /// Whether a UTC time can be a synchronised clock. An ESP32 without SNTP boots near 1970 (or
    /// wherever the RTC was left), so a wall clock reports itself synchronised only after a sync
    /// source ran and the time it shows passes this check.
    /// </summary>
    public static class ClockPlausibility
    {
        /// <summary>Earliest year a synchronised clock can show (this library did not exist before).</summary>
        public const int MinYear = 2025;

        /// <summary>Latest year accepted; beyond it the clock is taken to be corrupt.</summary>
        public const int MaxYear = 2200;

        /// <summary>True if <paramref name="utc"/> falls in [MinYear, MaxYear].</summary>
        public static bool IsPlausible(DateTime utc)
        {
            int year = utc.Year;
            return year >= MinYear && year <= MaxYear;
        }
    }
}
