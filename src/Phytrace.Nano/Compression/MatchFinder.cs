using System;

namespace Phytrace.Nano.Compression
{
    /// <summary>
    /// LZ77 match search over a bounded window with hash chains (RFC 1951 section 4 describes the
    /// idea; the layout here is this project's). The input is matched in place, so no window copy
    /// is kept: <c>head</c> maps a 3-byte hash to the last position seen (relative position + 1,
    /// modulo 65536, 0 = none) and <c>prev</c>, a ring of window size, holds for each position the
    /// distance back to the previous position with the same hash (0 = none). Positions recovered
    /// from 16-bit values can alias; every candidate is verified byte by byte, so an alias can
    /// cost a search step but never produce a wrong match.
    /// </summary>
    internal sealed class MatchFinder
    {
        private readonly ushort[] head;
        private readonly ushort[] prev;
        private readonly int windowSize;
        private readonly int windowMask;
        private readonly int hashShift;
        private byte[] input = new byte[0];
        private int start;
        private int end;

        /// <summary>Length of the last match found (0 if none of at least 3 bytes).</summary>
        public int MatchLength;

        /// <summary>Distance of the last match found.</summary>
        public int MatchDistance;

        public MatchFinder(int windowBits, int hashBits)
        {
            windowSize = 1 << windowBits;
            windowMask = windowSize - 1;
            hashShift = 32 - hashBits;
            head = new ushort[1 << hashBits];
            prev = new ushort[windowSize];
        }

        /// <summary>Bytes of the two tables.</summary>
        public int WorkingBytes
        {
            get { return (head.Length + prev.Length) * 2; }
        }

        /// <summary>Forgets all positions and starts on input[offset .. offset+count).</summary>
        public void Reset(byte[] source, int offset, int count)
        {
            input = source;
            start = offset;
            end = offset + count;
            Array.Clear(head, 0, head.Length);
        }

        /// <summary>
        /// Looks for the longest match at <paramref name="position"/> longer than
        /// <paramref name="longerThan"/> (results in <see cref="MatchLength"/>/<see cref="MatchDistance"/>),
        /// following at most <paramref name="maxChain"/> links and stopping at a match of
        /// <paramref name="niceLength"/>; then records the position. One method with everything
        /// written out (hash, link, chain walk, byte comparison): on the device this runs for most
        /// input bytes, and each call cost as much as a chain step.
        /// </summary>
        public void FindAndInsert(int position, int longerThan, int maxChain, int niceLength)
        {
            MatchLength = 0;
            MatchDistance = 0;
            int maxLength = end - position;
            if (maxLength < DeflateTables.MinMatch)
            {
                return;
            }
            byte[] data = input;
            int hash = (int)(((uint)(data[position] | (data[position + 1] << 8) | (data[position + 2] << 16)) * 0x9E3779B1u) >> hashShift);
            int relative = position - start + 1;
            int stored = head[hash];
            int distance = stored == 0 ? 0 : (relative - stored) & 0xFFFF;
            // Linking first is safe: the chain walk never reads this position's own slot.
            prev[position & windowMask] = distance < windowSize ? (ushort)distance : (ushort)0;
            head[hash] = (ushort)relative;
            if (distance == 0 || maxChain <= 0)
            {
                return;
            }

            if (maxLength > DeflateTables.MaxMatch)
            {
                maxLength = DeflateTables.MaxMatch;
            }
            if (niceLength > maxLength)
            {
                niceLength = maxLength;
            }
            int best = longerThan < DeflateTables.MinMatch - 1 ? DeflateTables.MinMatch - 1 : longerThan;
            if (best >= maxLength)
            {
                return;
            }
            int chain = maxChain;
            while (distance < windowSize && chain-- > 0)
            {
                int candidate = position - distance;
                if (candidate < start)
                {
                    return;
                }
                // Cheap reject first: the byte that would make this match the best must agree.
                if (data[candidate + best] == data[position + best] && data[candidate] == data[position])
                {
                    // Eight bytes at a time through BitConverter.ToInt64 (a native call on the
                    // device, about twice the speed of comparing byte by byte there; it never reads
                    // past position + maxLength), then byte by byte.
                    int length = 1;
                    while (length + 8 <= maxLength && BitConverter.ToInt64(data, candidate + length) == BitConverter.ToInt64(data, position + length))
                    {
                        length += 8;
                    }
                    while (length < maxLength && data[candidate + length] == data[position + length])
                    {
                        length++;
                    }
                    if (length > best)
                    {
                        best = length;
                        MatchLength = length;
                        MatchDistance = distance;
                        if (length >= niceLength)
                        {
                            return;
                        }
                    }
                }
                int step = prev[candidate & windowMask];
                if (step == 0)
                {
                    return;
                }
                distance += step;
            }
        }

        /// <summary>
        /// The greedy parse of levels 1 to 3: from <paramref name="position"/>, takes the match
        /// found at each position (or a literal) and appends it to <paramref name="symbols"/>,
        /// until the input ends or the buffer is full; returns the position reached. The positions
        /// inside a match shorter than <paramref name="insertBelow"/> are recorded too. Everything
        /// per position is written out in this one loop, with the state in locals: on the device
        /// (an interpreter) this loop is most of what gzip costs, and a call or a field access
        /// costs as much as several of its operations.
        /// </summary>
        public int ParseGreedy(int position, SymbolBuffer symbols, int maxChain, int niceLength, int insertBelow)
        {
            byte[] data = input;
            ushort[] heads = head;
            ushort[] links = prev;
            int mask = windowMask;
            int size = windowSize;
            int shift = hashShift;
            int first = start;
            int stop = end;
            byte[] values = symbols.Value;
            ushort[] distances = symbols.Distance;
            int[] literalFrequency = symbols.LiteralFrequency;
            int[] distanceFrequency = symbols.DistanceFrequency;
            byte[] lengthCodeOf = DeflateTables.LengthCodeOf;
            byte[] nearDistanceCode = DeflateTables.NearDistanceCode;
            byte[] farDistanceCode = DeflateTables.FarDistanceCode;
            int n = symbols.Count;
            int capacity = values.Length;
            while (position < stop && n < capacity)
            {
                int length = 0;
                int distance = 0;
                int maxLength = stop - position;
                if (maxLength >= DeflateTables.MinMatch)
                {
                    int hash = (int)(((uint)(data[position] | (data[position + 1] << 8) | (data[position + 2] << 16)) * 0x9E3779B1u) >> shift);
                    int relative = position - first + 1;
                    int stored = heads[hash];
                    int step = stored == 0 ? 0 : (relative - stored) & 0xFFFF;
                    links[position & mask] = step < size ? (ushort)step : (ushort)0;
                    heads[hash] = (ushort)relative;
                    if (step != 0)
                    {
                        if (maxLength > DeflateTables.MaxMatch)
                        {
                            maxLength = DeflateTables.MaxMatch;
                        }
                        int nice = niceLength < maxLength ? niceLength : maxLength;
                        int best = DeflateTables.MinMatch - 1;
                        int chain = maxChain;
                        int back = step;
                        while (back < size && chain-- > 0)
                        {
                            int candidate = position - back;
                            if (candidate < first)
                            {
                                break;
                            }
                            if (data[candidate + best] == data[position + best] && data[candidate] == data[position])
                            {
                                int matched = 1;
                                while (matched + 8 <= maxLength && BitConverter.ToInt64(data, candidate + matched) == BitConverter.ToInt64(data, position + matched))
                                {
                                    matched += 8;
                                }
                                while (matched < maxLength && data[candidate + matched] == data[position + matched])
                                {
                                    matched++;
                                }
                                if (matched > best)
                                {
                                    best = matched;
                                    distance = back;
                                    if (matched >= nice)
                                    {
                                        break;
                                    }
                                }
                            }
                            int link = links[candidate & mask];
                            if (link == 0)
                            {
                                break;
                            }
                            back += link;
                        }
                        if (distance != 0)
                        {
                            length = best;
                        }
                    }
                }
                if (length != 0)
                {
                    values[n] = (byte)(length - DeflateTables.MinMatch);
                    distances[n] = (ushort)distance;
                    n++;
                    literalFrequency[257 + lengthCodeOf[length]]++;
                    distanceFrequency[distance <= 256 ? nearDistanceCode[distance - 1] : farDistanceCode[(distance - 1) >> 7]]++;
                    if (length < insertBelow)
                    {
                        InsertRange(position + 1, position + length);
                    }
                    position += length;
                }
                else
                {
                    byte literal = data[position];
                    values[n] = literal;
                    distances[n] = 0;
                    n++;
                    literalFrequency[literal]++;
                    position++;
                }
            }
            symbols.Count = n;
            return position;
        }

        /// <summary>
        /// Records positions <paramref name="from"/> .. <paramref name="to"/> - 1 without searching
        /// (the positions inside an emitted match), in one loop that carries the 3-byte window
        /// from one position to the next.
        /// </summary>
        public void InsertRange(int from, int to)
        {
            int last = end - DeflateTables.MinMatch;
            if (to > last + 1)
            {
                to = last + 1;
            }
            if (from >= to)
            {
                return;
            }
            byte[] data = input;
            ushort[] heads = head;
            ushort[] links = prev;
            int mask = windowMask;
            int size = windowSize;
            int shift = hashShift;
            int relative = from - start + 1;
            uint window = (uint)(data[from] | (data[from + 1] << 8));
            for (int p = from; p < to; p++)
            {
                window |= (uint)data[p + 2] << 16;
                int hash = (int)((window * 0x9E3779B1u) >> shift);
                int stored = heads[hash];
                int distance = stored == 0 ? 0 : (relative - stored) & 0xFFFF;
                links[p & mask] = distance < size ? (ushort)distance : (ushort)0;
                heads[hash] = (ushort)relative;
                relative++;
                window >>= 8;
            }
        }
    }
}
