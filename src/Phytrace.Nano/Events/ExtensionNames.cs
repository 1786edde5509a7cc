using Phytrace.Nano.Formats;

namespace Phytrace.Nano.Events
{
    /// <summary>
    /// The encoder's <see cref="JsonName"/>s for extensions keys, so a key written event after
    /// event is one copy of its encoded bytes instead of a UTF-8 encoding and an escape search.
    /// Found by reference first (the same string object as last time), then by text (on nanoCLR a
    /// string literal is a new object each time it runs, so an application's literal key has the
    /// same text but not the same object). The first <see cref="Capacity"/> distinct keys get a
    /// name, made once; later ones are written as text, so however keys vary nothing is allocated
    /// per event. Not thread-safe: one per encoder.
    /// </summary>
    internal sealed class ExtensionNames
    {
        /// <summary>Distinct keys kept.</summary>
        public const int Capacity = 16;

        // The key object each name was last found for: object[], not string[], because nanoCLR
        // fills a new string[] with a typed null that compares wrongly (docs/device-differences.md).
        private readonly object?[] keys = new object?[Capacity];
        private readonly JsonName?[] names = new JsonName?[Capacity];
        private int count;

        /// <summary>
        /// The name for <paramref name="key"/> (not null), written from extensions slot
        /// <paramref name="slot"/> (where to look first); null when it has none and no room is left.
        /// </summary>
        public JsonName? Find(int slot, string key)
        {
            object?[] known = keys;
            if (slot < count && known[slot] == (object)key)
            {
                return names[slot];
            }
            for (int i = 0; i < count; i++)
            {
                if (known[i] == (object)key)
                {
                    return names[i];
                }
            }
            for (int i = 0; i < count; i++)
            {
                if (string.Equals(names[i]!.Text, key))
                {
                    known[i] = key;
                    return names[i];
                }
            }
            if (count == Capacity)
            {
                return null;
            }
            var name = new JsonName(key);
            names[count] = name;
            known[count] = key;
            count++;
            return name;
        }
    }
}
