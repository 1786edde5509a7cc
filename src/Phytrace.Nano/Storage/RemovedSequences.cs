using System;

namespace Phytrace.Nano.Storage
{
    /// <summary>
    /// The sequences of records removed out of order (not at the tail) that the tail has not passed
    /// yet: ascending, in an array allocated once. The checkpoint carries them, so a Remove never
    /// writes into a sector that holds other records. <see cref="Capacity"/> bounds both the RAM
    /// and the checkpoint's size.
    /// </summary>
    public sealed class RemovedSequences
    {
        /// <summary>Most records removed out of order that can wait behind the tail at once.</summary>
        public const int Capacity = 128;

        private readonly long[] items = new long[Capacity];
        private int count;

        /// <summary>How many are held.</summary>
        public int Count
        {
            get { return count; }
        }

        /// <summary>The <paramref name="index"/>th smallest.</summary>
        public long this[int index]
        {
            get
            {
                if (index < 0 || index >= count)
                {
                    throw new ArgumentOutOfRangeException(nameof(index), "index must be in [0, " + count.ToString() + "), got " + index.ToString());
                }
                return items[index];
            }
        }

        /// <summary>True if <paramref name="sequence"/> is held (binary search).</summary>
        public bool Contains(long sequence)
        {
            int low = 0;
            int high = count - 1;
            while (low <= high)
            {
                int middle = (low + high) >> 1;
                long value = items[middle];
                if (value == sequence)
                {
                    return true;
                }
                if (value < sequence)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle - 1;
                }
            }
            return false;
        }

        /// <summary>Adds <paramref name="sequence"/> in order; false if it is held already or the set is full.</summary>
        public bool Add(long sequence)
        {
            if (count == Capacity || Contains(sequence))
            {
                return false;
            }
            int at = count;
            while (at > 0 && items[at - 1] > sequence)
            {
                items[at] = items[at - 1];
                at--;
            }
            items[at] = sequence;
            count++;
            return true;
        }

        /// <summary>How many held sequences are below <paramref name="sequence"/>.</summary>
        public int CountBelow(long sequence)
        {
            int below = 0;
            while (below < count && items[below] < sequence)
            {
                below++;
            }
            return below;
        }

        /// <summary>Forgets every sequence below <paramref name="sequence"/> (the tail passed them); returns how many.</summary>
        public int DropBelow(long sequence)
        {
            int dropped = 0;
            while (dropped < count && items[dropped] < sequence)
            {
                dropped++;
            }
            if (dropped > 0)
            {
                // A plain loop: an overlapping Array.Copy within one array is not promised on every runtime.
                for (int i = dropped; i < count; i++)
                {
                    items[i - dropped] = items[i];
                }
                count -= dropped;
            }
            return dropped;
        }

        /// <summary>Forgets all.</summary>
        public void Clear()
        {
            count = 0;
        }

        /// <summary>Makes this set equal to <paramref name="other"/>.</summary>
        public void CopyFrom(RemovedSequences other)
        {
            Array.Copy(other.items, items, other.count);
            count = other.count;
        }
    }
}
