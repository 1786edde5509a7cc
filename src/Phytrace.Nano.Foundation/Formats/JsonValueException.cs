using System;

namespace Phytrace.Nano.Formats
{
    /// <summary>A value JSON cannot carry (NaN, Infinity, a lone UTF-16 surrogate), naming the field.</summary>
    public sealed class JsonValueException : Exception
    {
        public JsonValueException(string? field, string message)
            : base("field '" + (field == null ? "(value)" : field) + "': " + message)
        {
            Field = field;
        }

        /// <summary>The property name being written when the value was refused.</summary>
        public string? Field { get; private set; }
    }
}
