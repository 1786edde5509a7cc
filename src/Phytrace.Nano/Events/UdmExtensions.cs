using System;

namespace Phytrace.Nano.Events
{
    /// <summary>
    /// The free-form "extensions" object: up to <see cref="Capacity"/> entries of string, number,
    /// integer or boolean values, in insertion order. Setting a key again replaces its value.
    /// Arrays are allocated once; Reset keeps them. Vendor keys should start with "custom_" or a
    /// vendor namespace (UDM appendix B).
    /// </summary>
    public sealed class UdmExtensions
    {
        // Internal so the validator and the encoder read entries [0, count) directly: on the
        // device each accessor below is two calls (its own and the index check), per entry and event.
        internal readonly string?[] keys;
        internal readonly ExtensionKind[] kinds;
        internal readonly string?[] strings;
        internal readonly double[] numbers;
        internal readonly long[] integers;
        internal readonly bool[] booleans;
        internal int count;

        public UdmExtensions(int capacity)
        {
            if (capacity < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(capacity), "capacity must not be negative");
            }
            keys = new string?[capacity];
            kinds = new ExtensionKind[capacity];
            strings = new string?[capacity];
            numbers = new double[capacity];
            integers = new long[capacity];
            booleans = new bool[capacity];
        }

        public int Capacity
        {
            get { return keys.Length; }
        }

        public int Count
        {
            get { return count; }
        }

        public void SetString(string key, string value)
        {
            if (value == null)
            {
                throw new ArgumentNullException(nameof(value), "extensions." + key + " must not be null");
            }
            int i = Slot(key);
            kinds[i] = ExtensionKind.String;
            strings[i] = value;
        }

        public void SetNumber(string key, double value)
        {
            int i = Slot(key);
            kinds[i] = ExtensionKind.Number;
            numbers[i] = value;
            strings[i] = null;
        }

        public void SetInteger(string key, long value)
        {
            int i = Slot(key);
            kinds[i] = ExtensionKind.Integer;
            integers[i] = value;
            strings[i] = null;
        }

        public void SetBoolean(string key, bool value)
        {
            int i = Slot(key);
            kinds[i] = ExtensionKind.Boolean;
            booleans[i] = value;
            strings[i] = null;
        }

        public string Key(int index)
        {
            CheckIndex(index);
            return keys[index]!;
        }

        public ExtensionKind Kind(int index)
        {
            CheckIndex(index);
            return kinds[index];
        }

        public string? StringValue(int index)
        {
            CheckIndex(index);
            return strings[index];
        }

        public double NumberValue(int index)
        {
            CheckIndex(index);
            return numbers[index];
        }

        public long IntegerValue(int index)
        {
            CheckIndex(index);
            return integers[index];
        }

        public bool BooleanValue(int index)
        {
            CheckIndex(index);
            return booleans[index];
        }

        public void Reset()
        {
            for (int i = 0; i < count; i++)
            {
                keys[i] = null;
                strings[i] = null;
            }
            count = 0;
        }

        private int Slot(string key)
        {
            if (key == null || key.Length == 0)
            {
                throw new ArgumentException("extensions key must not be empty", nameof(key));
            }
            for (int i = 0; i < count; i++)
            {
                if (string.Equals(keys[i], key))
                {
                    return i;
                }
            }
            if (count == keys.Length)
            {
                throw new InvalidOperationException("extensions hold at most " + keys.Length.ToString() + " entries; cannot add '" + key + "'");
            }
            keys[count] = key;
            return count++;
        }

        private void CheckIndex(int index)
        {
            if (index < 0 || index >= count)
            {
                throw new ArgumentOutOfRangeException(nameof(index), "index must be in [0, Count)");
            }
        }
    }
}
