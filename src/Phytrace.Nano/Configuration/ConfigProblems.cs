using System.Collections;
using Phytrace.Nano.Formats;

namespace Phytrace.Nano.Configuration
{
    /// <summary>
    /// Every problem <see cref="BoardConfig.Validate()"/> found, in plain words: each message names
    /// the field, the value it has and what is expected. Empty when the configuration is usable.
    /// </summary>
    public sealed class ConfigProblems
    {
        private readonly ArrayList messages = new ArrayList();

        /// <summary>True when no problem was found.</summary>
        public bool IsValid
        {
            get { return messages.Count == 0; }
        }

        /// <summary>How many problems were found.</summary>
        public int Count
        {
            get { return messages.Count; }
        }

        /// <summary>The message at <paramref name="index"/> (0-based, in the order found).</summary>
        public string this[int index]
        {
            get { return (string)messages[index]!; }
        }

        /// <summary>True if some message contains <paramref name="text"/> (for checks and tests).</summary>
        public bool Contains(string text)
        {
            for (int i = 0; i < messages.Count; i++)
            {
                if (TextChars.IndexOf((string)messages[i]!, text) >= 0)
                {
                    return true;
                }
            }
            return false;
        }

        /// <summary>Adds one problem.</summary>
        public void Add(string message)
        {
            messages.Add(message);
        }

        /// <summary>
        /// Adds "field is value: expected what", the form every problem takes; for checks made
        /// outside Validate (the device's own certificate parser, in the ESP32 glue).
        /// </summary>
        public void Add(string field, string value, string expected)
        {
            messages.Add(ConfigText.Problem(field, value, expected));
        }

        /// <summary>All messages, one per line (what a device prints before refusing to start).</summary>
        public override string ToString()
        {
            string text = string.Empty;
            for (int i = 0; i < messages.Count; i++)
            {
                text = i == 0 ? (string)messages[i]! : text + "\n" + (string)messages[i]!;
            }
            return text;
        }
    }
}
