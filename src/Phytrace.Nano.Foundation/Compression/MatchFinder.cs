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
        // Whether BitConverter reads little-endian (it does on the ESP32 and on x86 and ARM hosts);
        // read once, since on the device the property is a native call.
        private static readonly bool LittleEndian = BitConverter.IsLittleEndian;

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
        /// <paramref name="niceLength"/>; then records the position. Hash, link and chain walk are
        /// written out here: on the device this runs for most input bytes, and each call cost as
        /// much as a chain step.
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
                    int length = MatchedBytes(data, candidate, position, maxLength);
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
        /// inside a match shorter than <paramref name="insertBelow"/> are recorded too. The work per
        /// position is written out in this one loop, with the state in locals (a call is made only
        /// to extend a candidate that passed the cheap test): on the device (an interpreter) this
        /// loop is most of what gzip costs, and a call or a field access costs as much as several
        /// of its operations.
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
            int bias = 1 - first;
            // Positions with three bytes left can start a match; the last two are literals.
            int lastStart = stop - DeflateTables.MinMatch;
            byte[] values = symbols.Value;
            ushort[] distances = symbols.Distance;
            int[] literalFrequency = symbols.LiteralFrequency;
            int[] distanceFrequency = symbols.DistanceFrequency;
            byte[] lengthCodeOf = DeflateTables.LengthCodeOf;
            byte[] nearDistanceCode = DeflateTables.NearDistanceCode;
            byte[] farDistanceCode = DeflateTables.FarDistanceCode;
            int n = symbols.Count;
            int capacity = values.Length;
            while (position <= lastStart && n < capacity)
            {
                int distance = 0;
                int best = DeflateTables.MinMatch - 1;
                int hash = (int)(((uint)(data[position] | (data[position + 1] << 8) | (data[position + 2] << 16)) * 0x9E3779B1u) >> shift);
                int relative = position + bias;
                int stored = heads[hash];
                int back = stored == 0 ? 0 : (relative - stored) & 0xFFFF;
                // A link of a window or more is stored as it is: the walk stops at it anyway.
                links[position & mask] = (ushort)back;
                heads[hash] = (ushort)relative;
                if (back != 0)
                {
                    int maxLength = stop - position;
                    if (maxLength > DeflateTables.MaxMatch)
                    {
                        maxLength = DeflateTables.MaxMatch;
                    }
                    int nice = niceLength < maxLength ? niceLength : maxLength;
                    int chain = maxChain;
                    while (back < size && chain-- > 0)
                    {
                        int candidate = position - back;
                        if (candidate < first)
                        {
                            break;
                        }
                        if (data[candidate + best] == data[position + best] && data[candidate] == data[position])
                        {
                            int matched = MatchedBytes(data, candidate, position, maxLength);
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
                }
                if (distance != 0)
                {
                    values[n] = (byte)(best - DeflateTables.MinMatch);
                    distances[n] = (ushort)distance;
                    n++;
                    literalFrequency[257 + lengthCodeOf[best]]++;
                    distanceFrequency[distance <= 256 ? nearDistanceCode[distance - 1] : farDistanceCode[(distance - 1) >> 7]]++;
                    if (best < insertBelow)
                    {
                        InsertRange(position + 1, position + best);
                    }
                    position += best;
                }
                else
                {
                    // The buffer's distances are zero until written (SymbolBuffer.Clear), so a
                    // literal needs only its byte.
                    byte literal = data[position];
                    values[n] = literal;
                    n++;
                    literalFrequency[literal]++;
                    position++;
                }
            }
            while (position < stop && n < capacity)
            {
                byte literal = data[position];
                values[n] = literal;
                n++;
                literalFrequency[literal]++;
                position++;
            }
            symbols.Count = n;
            return position;
        }

        // How many bytes from data[a] and data[b] agree, at most max (data[a] == data[b] is known).
        // Eight at a time through BitConverter.ToInt64 (a native call on the device, several times
        // the speed of comparing byte by byte there; it never reads past b + max); in the word that
        // differs, the equal bytes are counted from the difference, low byte first on a
        // little-endian machine (all of nanoFramework's targets and the usual hosts).
        private static int MatchedBytes(byte[] data, int a, int b, int max)
        {
            int matched = 1;
            while (matched + 8 <= max)
            {
                long difference = BitConverter.ToInt64(data, a + matched) ^ BitConverter.ToInt64(data, b + matched);
                if (difference == 0)
                {
                    matched += 8;
                    continue;
                }
                if (!LittleEndian)
                {
                    break;
                }
                if ((difference & 0xFFFFFFFFL) == 0)
                {
                    matched += 4;
                    difference >>= 32;
                }
                if ((difference & 0xFFFFL) == 0)
                {
                    matched += 2;
                    difference >>= 16;
                }
                if ((difference & 0xFFL) == 0)
                {
                    matched++;
                }
                return matched;
            }
            while (matched < max && data[a + matched] == data[b + matched])
            {
                matched++;
            }
            return matched;
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
