using System;

namespace Phytrace.Nano.Formats
{
    /// <summary>
    /// A property name whose encoded form, the bytes <c>,"name":</c> (UTF-8, JSON-escaped), is kept
    /// after the first time a <see cref="JsonWriter"/> writes it, so that writing it again is one
    /// Array.Copy. On the device, encoding each name character by character was a sixth of an
    /// event's cost. The encoder's names are JsonName constants. The bytes are made on first use,
    /// not in the constructor: nanoFramework runs static constructors at start-up in its own order,
    /// so a constant must not depend on another class being initialised.
    /// </summary>
    public sealed class JsonName
    {
        // Fields rather than properties: the writer reads them for every name, and on the device a
        // property read is a call.
        internal readonly string text;
        internal byte[]? encoded;

        public JsonName(string name)
        {
            if (name == null)
            {
                throw new ArgumentNullException(nameof(name));
            }
            text = name;
        }

        /// <summary>The name as given.</summary>
        public string Text
        {
            get { return text; }
        }
    }
}
