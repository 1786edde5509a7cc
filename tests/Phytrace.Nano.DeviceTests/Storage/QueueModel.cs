using System;

namespace Phytrace.Nano.DeviceTests.Storage
{
    /// <summary>
    /// What an EdgeBuffer should hold, as a plain queue: the accepted events in order (event number,
    /// length, sequence), each live or removed. Removed events stay in place until everything older is
    /// gone, as they take room in the ring until the tail passes them. The model does not know the
    /// ring's byte format or capacity: when the buffer refuses (Reject) or evicts (DropOldest), the
    /// model follows how many the buffer says it dropped and checks that they were the oldest.
    /// </summary>
    public sealed class QueueModel
    {
        private readonly long[] numbers;
        private readonly int[] lengths;
        private readonly long[] sequences;
        private readonly bool[] removed;
        private int count;
        private int live;

        public QueueModel(int capacity)
        {
            numbers = new long[capacity];
            lengths = new int[capacity];
            sequences = new long[capacity];
            removed = new bool[capacity];
        }

        /// <summary>Live events.</summary>
        public int Live
        {
            get { return live; }
        }

        /// <summary>The newest sequence the buffer ever gave an accepted event, -1 before the first.</summary>
        public long LastSequence = -1;

        public void Add(long n, int length, long sequence)
        {
            if (count == numbers.Length)
            {
                throw new InvalidOperationException("model full: raise its capacity");
            }
            numbers[count] = n;
            lengths[count] = length;
            sequences[count] = sequence;
            removed[count] = false;
            count++;
            live++;
            LastSequence = sequence;
        }

        /// <summary>The i-th live event (oldest first): its entry index.</summary>
        public int LiveEntry(int i)
        {
            for (int e = 0; e < count; e++)
            {
                if (!removed[e])
                {
                    if (i == 0)
                    {
                        return e;
                    }
                    i--;
                }
            }
            return -1;
        }

        public long Number(int entry)
        {
            return numbers[entry];
        }

        public int Length(int entry)
        {
            return lengths[entry];
        }

        public long Sequence(int entry)
        {
            return sequences[entry];
        }

        /// <summary>Drops the <paramref name="dropped"/> oldest live events (and the removed ones before them).</summary>
        public void DropOldest(int dropped)
        {
            int entries = 0;
            int left = dropped;
            while (entries < count && (left > 0 || removed[entries]))
            {
                if (!removed[entries])
                {
                    left--;
                    live--;
                }
                entries++;
            }
            Shift(entries);
        }

        /// <summary>Consumes every live event with a sequence up to <paramref name="sequence"/>; returns how many.</summary>
        public int AcknowledgeThrough(long sequence)
        {
            int entries = 0;
            int consumed = 0;
            while (entries < count && sequences[entries] <= sequence)
            {
                if (!removed[entries])
                {
                    consumed++;
                    live--;
                }
                entries++;
            }
            Shift(entries);
            return consumed;
        }

        /// <summary>Marks the live event with number n removed; false if there is none.</summary>
        public bool Remove(long n)
        {
            for (int e = 0; e < count; e++)
            {
                if (!removed[e] && numbers[e] == n)
                {
                    removed[e] = true;
                    live--;
                    int leading = 0;
                    while (leading < count && removed[leading])
                    {
                        leading++;
                    }
                    Shift(leading);
                    return true;
                }
            }
            return false;
        }

        public void Clear()
        {
            count = 0;
            live = 0;
        }

        private void Shift(int entries)
        {
            if (entries == 0)
            {
                return;
            }
            Array.Copy(numbers, entries, numbers, 0, count - entries);
            Array.Copy(lengths, entries, lengths, 0, count - entries);
            Array.Copy(sequences, entries, sequences, 0, count - entries);
            Array.Copy(removed, entries, removed, 0, count - entries);
            count -= entries;
        }
    }
}
