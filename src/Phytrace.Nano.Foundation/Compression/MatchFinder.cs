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
    internal sealed partial class MatchFinder
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

        /// <summary>
        /// A finder over a window of 2^<paramref name="windowBits"/> bytes with 2^<paramref name="hashBits"/>
        /// heads and a chain link per window position; without <paramref name="chains"/> (level 1,
        /// <see cref="ParseFixedCodes"/>) no links are kept, and the memory they would take goes
        /// to heads instead: at least one per window position.
        /// </summary>
        public MatchFinder(int windowBits, int hashBits, bool chains)
        {
            windowSize = 1 << windowBits;
            windowMask = windowSize - 1;
            if (!chains && hashBits < windowBits)
            {
                hashBits = windowBits;
            }
            hashShift = 32 - hashBits;
            head = new ushort[1 << hashBits];
            prev = chains ? new ushort[windowSize] : new ushort[0];
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
            lastDistance = 0;
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
                    int length = MatchedBytes(data, candidate, position, 1, maxLength);
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
        /// The greedy parse of levels 2 and 3 (level 1 parses the same way, writing as it goes:
        /// <see cref="ParseFixedCodes"/>): from <paramref name="position"/>, takes the match
        /// found at each position (or a literal) and appends it to <paramref name="symbols"/>,
        /// until the input ends or the buffer is full; returns the position reached. Built for an
        /// interpreter, where time goes with the IL operations run (about 50 machine instructions
        /// each on nanoCLR), so the aim is the fewest operations per input byte:
        /// - matches are at least 4 bytes, found through a hash of the 4 bytes read at once
        ///   (BitConverter.ToInt32, a native on the device) and checked with the same read; a
        ///   3-byte match at a telemetry batch's distances costs more bits than its 3 literals;
        /// - with <paramref name="literalAfterMatch"/>, the byte that ended a match goes out as a
        ///   literal unsearched and the next position first tries the same distance: in
        ///   telemetry, a digit that differs is usually all that lies between two long matches
        ///   at one distance (the distance of the previous event);
        /// - after a run of searches that found nothing, the next 1 + misses / 2^skipShift bytes
        ///   go out as literals unsearched (LZ4 and Snappy skip the same way), so a stretch of
        ///   random text (an event id) costs less than one search per byte;
        /// - the positions inside a match shorter than <paramref name="insertBelow"/> are recorded.
        /// The state lives in locals: a field access costs as much as several operations there.
        /// </summary>
        public int ParseGreedy(int position, SymbolBuffer symbols, int maxChain, int niceLength, int insertBelow, int skipShift, bool literalAfterMatch)
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
            // Positions with four bytes left are searched (one 4-byte read each); the last three are literals.
            int lastStart = stop - 4;
            byte[] values = symbols.Value;
            ushort[] distances = symbols.Distance;
            int[] literalFrequency = symbols.LiteralFrequency;
            int[] distanceFrequency = symbols.DistanceFrequency;
            byte[] lengthCodeOf = DeflateTables.LengthCodeOf;
            byte[] nearDistanceCode = DeflateTables.NearDistanceCode;
            byte[] farDistanceCode = DeflateTables.FarDistanceCode;
            int n = symbols.Count;
            int firstSymbol = n;
            // A match and the literal after it take two symbols.
            int lastSymbol = values.Length - 2;
            int repeat = 0;
            int misses = 0;
            while (position <= lastStart && n <= lastSymbol)
            {
                int word = BitConverter.ToInt32(data, position);
                int distance = 0;
                int best = 3;
                int hash = (int)(((uint)word * 0x9E3779B1u) >> shift);
                int relative = position + bias;
                int stored = heads[hash];
                int back = stored == 0 ? 0 : (relative - stored) & 0xFFFF;
                links[position & mask] = (ushort)back;
                heads[hash] = (ushort)relative;
                if (repeat != 0 && BitConverter.ToInt32(data, position - repeat) == word)
                {
                    int maxLength = stop - position < DeflateTables.MaxMatch ? stop - position : DeflateTables.MaxMatch;
                    best = MatchedBytes(data, position - repeat, position, 4, maxLength);
                    distance = repeat;
                }
                else if (back != 0)
                {
                    int maxLength = stop - position < DeflateTables.MaxMatch ? stop - position : DeflateTables.MaxMatch;
                    int nice = niceLength < maxLength ? niceLength : maxLength;
                    int chain = maxChain;
                    while (back < size && chain-- > 0)
                    {
                        int candidate = position - back;
                        if (candidate < first)
                        {
                            break;
                        }
                        if (data[candidate + best] == data[position + best] && BitConverter.ToInt32(data, candidate) == word)
                        {
                            int matched = MatchedBytes(data, candidate, position, 4, maxLength);
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
                repeat = 0;
                if (distance != 0)
                {
                    // The literals just before that the match also covers are taken back (a skip
                    // may have passed its start).
                    while (n > firstSymbol && position > first + distance && best < DeflateTables.MaxMatch
                        && data[position - 1] == data[position - 1 - distance] && distances[n - 1] == 0)
                    {
                        n--;
                        position--;
                        best++;
                        literalFrequency[data[position]]--;
                    }
                    values[n] = (byte)(best - DeflateTables.MinMatch);
                    distances[n] = (ushort)distance;
                    n++;
                    literalFrequency[257 + lengthCodeOf[best]]++;
                    distanceFrequency[distance <= 256 ? nearDistanceCode[distance - 1] : farDistanceCode[(distance - 1) >> 7]]++;
                    if (best < insertBelow)
                    {
                        InsertRange4(position + 1, position + best);
                    }
                    position += best;
                    misses = 0;
                    if (literalAfterMatch && position < lastStart)
                    {
                        // The byte that ended the match, unsearched; the next position tries this distance first.
                        byte after = data[position];
                        values[n] = after;
                        n++;
                        literalFrequency[after]++;
                        position++;
                        repeat = distance;
                    }
                }
                else
                {
                    // No match: this byte and, after a run of misses, the next few go out as
                    // literals unsearched (the longer the run, the more are skipped).
                    int stepEnd = position + 1 + (misses >> skipShift);
                    misses++;
                    if (stepEnd > lastStart)
                    {
                        stepEnd = lastStart;
                    }
                    if (stepEnd - position > lastSymbol - n)
                    {
                        stepEnd = position + lastSymbol - n;
                    }
                    do
                    {
                        byte literal = data[position];
                        values[n] = literal;
                        n++;
                        literalFrequency[literal]++;
                        position++;
                    }
                    while (position < stepEnd);
                }
            }
            int capacity = values.Length;
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
        private static int MatchedBytes(byte[] data, int a, int b, int matched, int max)
        {
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
        public void InsertRange4(int from, int to)
        {
            int last = end - 4;
            if (to > last + 1)
            {
                to = last + 1;
            }
            byte[] data = input;
            ushort[] heads = head;
            ushort[] links = prev;
            int mask = windowMask;
            int shift = hashShift;
            int relative = from - start + 1;
            for (int p = from; p < to; p++)
            {
                int hash = (int)(((uint)BitConverter.ToInt32(data, p) * 0x9E3779B1u) >> shift);
                int stored = heads[hash];
                links[p & mask] = stored == 0 ? (ushort)0 : (ushort)((relative - stored) & 0xFFFF);
                heads[hash] = (ushort)relative;
                relative++;
            }
        }

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
