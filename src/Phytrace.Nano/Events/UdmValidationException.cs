using System;

namespace Phytrace.Nano.Events
{
    /// <summary>An event field is missing or outside what the UDM schema allows; names the field.</summary>
    public sealed class UdmValidationException : Exception
    {
        public UdmValidationException(string field, string message)
            : base(field + ": " + message)
        {
            Field = field;
        }

        /// <summary>Dotted path of the offending field, e.g. "power.battery.soc_pct".</summary>
        public string Field { get; private set; }
    }
}
