namespace Phytrace.Nano.Compression
{
    /// <summary>
    /// Level 1's single pass: the greedy parse of <see cref="ParseGreedy"/>, each symbol written at
    /// once with DEFLATE's fixed Huffman code (RFC 1951 3.2.6) instead of being buffered, counted,
    /// given a code built for the block and written in a second loop. On the device that second
    /// loop, the Huffman build and the counting were about 40 % of level 1's time; the fixed code
    /// costs about a third more output on telemetry (8 bits for every ASCII literal, 5 bits and
    /// the extra bits for every distance), which still keeps more than 90 % of zlib level 6's size
    /// reduction on the default batch. The search is ParseGreedy's and the bit output
    /// BitWriter.WriteSymbols', written out again here rather than shared through calls: on
    /// nanoCLR a call costs about as much as a dozen IL operations, and these run for every byte.
    /// </summary>
    internal sealed partial class MatchFinder
    {
        // The distance the next block's first position tries first (0: none), carried from one
        // call to the next so that a long run keeps its short distance across block ends.
        private int repeatDistance;

        /// <summary>
        /// Parses from <paramref name="position"/> and writes each match or literal into
        /// <paramref name="output"/> with the fixed code, starting no new symbol at or after
        /// <paramref name="blockEnd"/> (a match may run past it); returns the position reached.
        /// The last three bytes of the input are never searched (a 4-byte read each): the caller
        /// writes them as literals, and the block header and end of block, and gives room for 9
        /// bits per byte covered plus 40 (the block may run 259 bytes past
        /// <paramref name="blockEnd"/>): no capacity check is made here. Search as ParseGreedy's
        /// (matches of 4 bytes or more, the same distance tried first after a match and its
        /// literal, skip-ahead after 2^<paramref name="skipShift"/> misses in a row); literals
        /// that a match found after them also covers are taken back out of the bit stream.
        /// <paramref name="maxChain"/> is at least 1 (level 1 follows 2 links).
        /// </summary>
        public int ParseFixedCodes(int position, int blockEnd, BitWriter output, int maxChain, int niceLength, int skipShift)
        {
            byte[] data = input;
            ushort[] heads = head;
            ushort[] links = prev;
            int mask = windowMask;
            int size = windowSize;
            int shift = hashShift;
            int first = start;
            int stop = end;
            // Heads hold position + bias modulo 65536 (0 = empty), the bias putting every position
            // of the input at least size + 1 above zero: an empty head then reads as a distance of
            // more than the window (or, past 64 KB of input, as one that lands on a real position
            // and is verified), so no test for empty heads is made. The other levels keep their
            // own form (relative position + 1); Reset clears the heads between inputs.
            int bias = size + 1 - first;
            int lastStart = stop - 4;
            int searchEnd = blockEnd <= lastStart ? blockEnd : lastStart + 1;
            // Misses in a row after which bytes are skipped (a shift of 30 or more: never).
            int skipAfter = skipShift >= 30 ? int.MaxValue : 1 << skipShift;
            ushort[] literalCodes = DeflateTables.FixedLiteralCodes;
            ushort[] lengthBits = DeflateTables.FixedLengthBits;
            byte[] lengthBitCount = DeflateTables.FixedLengthBitCount;
            byte[] nearDistanceCode = DeflateTables.NearDistanceCode;
            byte[] farDistanceCode = DeflateTables.FarDistanceCode;
            ushort[] distanceCodes = DeflateTables.FixedDistanceCodes;
            byte[] distanceExtraBits = DeflateTables.DistanceExtraBits;
            int[] distanceBase = DeflateTables.DistanceBase;
            byte[] o = output.Output;
            int p = output.Position;
            uint buffer = output.PendingBits;
            int n = output.PendingBitCount;
            // Where the literals written since the last match of this call begin: a later match
            // may take back those it also covers, and no more.
            int literalStart = position;
            int repeat = repeatDistance;
            int misses = 0;
            while (position < searchEnd)
            {
                int word = System.BitConverter.ToInt32(data, position);
                int hash = (int)(((uint)word * 0x9E3779B1u) >> shift);
                int relative = position + bias;
                int back = (relative - heads[hash]) & 0xFFFF;
                links[position & mask] = (ushort)back;
                heads[hash] = (ushort)relative;
                int distance = 0;
                int best = 3;
                if (repeat != 0)
                {
                    if (System.BitConverter.ToInt32(data, position - repeat) == word)
                    {
                        int maxLength = stop - position < DeflateTables.MaxMatch ? stop - position : DeflateTables.MaxMatch;
                        best = MatchedBytes(data, position - repeat, position, 4, maxLength);
                        distance = repeat;
                    }
                    repeat = 0;
                }
                if (distance == 0 && (uint)(back - 1) < (uint)(size - 1))
                {
                    // The head's candidate lies in the input (1 <= back < size; see bias); those
                    // reached through links are checked, since a link can alias past 64 KB.
                    int chain = maxChain;
                    int candidate = position - back;
                    while (true)
                    {
                        if (data[candidate + best] == data[position + best] && System.BitConverter.ToInt32(data, candidate) == word)
                        {
                            // Limits worked out only here: most searches find nothing.
                            int maxLength = stop - position < DeflateTables.MaxMatch ? stop - position : DeflateTables.MaxMatch;
                            int matched = MatchedBytes(data, candidate, position, 4, maxLength);
                            if (matched > best)
                            {
                                best = matched;
                                distance = back;
                                if (matched >= niceLength || matched == maxLength)
                                {
                                    break;
                                }
                            }
                        }
                        if (--chain == 0)
                        {
                            break;
                        }
                        int link = links[candidate & mask];
                        back += link;
                        candidate -= link;
                        if (link == 0 || back >= size || candidate < first)
                        {
                            break;
                        }
                    }
                }
                if (distance != 0)
                {
                    if (position > literalStart && best < DeflateTables.MaxMatch && position > first + distance && data[position - 1] == data[position - 1 - distance])
                    {
                        // The literals just before that the match also covers come back out of
                        // the stream (a skip may have passed the match's start): count their
                        // bits, then step the stream back by that many (below).
                        int removed = 0;
                        do
                        {
                            position--;
                            best++;
                            removed += data[position] < 144 ? 8 : 9;
                        }
                        while (position > literalStart && best < DeflateTables.MaxMatch && position > first + distance
                            && data[position - 1] == data[position - 1 - distance]);
                        // The stream's bits up to the cut: whole bytes in o, the rest waiting in buffer.
                        int total = (p * 8) + n - removed;
                        int cut = total >> 3;
                        if (cut < p)
                        {
                            buffer = o[cut];
                        }
                        p = cut;
                        n = total & 7;
                        buffer &= (1u << n) - 1;
                    }
                    // Length code and extra bits (at most 13 bits, on top of at most 15 waiting).
                    buffer |= (uint)lengthBits[best] << n;
                    n += lengthBitCount[best];
                    if (n >= 16)
                    {
                        o[p] = (byte)buffer;
                        o[p + 1] = (byte)(buffer >> 8);
                        p += 2;
                        buffer >>= 16;
                        n -= 16;
                    }
                    int code = distance <= 256 ? nearDistanceCode[distance - 1] : farDistanceCode[(distance - 1) >> 7];
                    int extra = distanceExtraBits[code];
                    if (extra <= 12)
                    {
                        // Code and extra bits together: at most 17 bits on top of at most 15.
                        buffer |= (uint)(distanceCodes[code] | ((distance - distanceBase[code]) << 5)) << n;
                        n += 5 + extra;
                    }
                    else
                    {
                        // Distances past 16384 (a 32 KB window): 18 bits, written in two parts.
                        buffer |= (uint)distanceCodes[code] << n;
                        n += 5;
                        if (n >= 16)
                        {
                            o[p] = (byte)buffer;
                            o[p + 1] = (byte)(buffer >> 8);
                            p += 2;
                            buffer >>= 16;
                            n -= 16;
                        }
                        buffer |= (uint)(distance - distanceBase[code]) << n;
                        n += extra;
                    }
                    if (n >= 16)
                    {
                        o[p] = (byte)buffer;
                        o[p + 1] = (byte)(buffer >> 8);
                        p += 2;
                        buffer >>= 16;
                        n -= 16;
                    }
                    position += best;
                    literalStart = position;
                    misses = 0;
                    repeat = distance;
                    if (position >= lastStart || best == DeflateTables.MaxMatch)
                    {
                        // No unsearched literal: the input's last bytes, or a match of the
                        // longest length, which no differing byte ended (a run of zeros is then
                        // all matches).
                        continue;
                    }
                    // Else the byte that ended the match goes out below, unsearched, and the
                    // next position tries this distance first.
                }
                else
                {
                    // No match: this byte goes out below and, after a run of misses, the next
                    // few unsearched (the longer the run, the more are skipped).
                    misses++;
                }
                int literal = data[position];
                buffer |= (uint)literalCodes[literal] << n;
                if (literal < 144)
                {
                    // An 8-bit code: one byte out, as many bits waiting as before.
                    o[p] = (byte)buffer;
                    p++;
                    buffer >>= 8;
                }
                else
                {
                    n += 9;
                    if (n >= 16)
                    {
                        o[p] = (byte)buffer;
                        o[p + 1] = (byte)(buffer >> 8);
                        p += 2;
                        buffer >>= 16;
                        n -= 16;
                    }
                }
                position++;
                if (misses > skipAfter)
                {
                    int stepEnd = position + ((misses - 1) >> skipShift);
                    if (stepEnd > searchEnd)
                    {
                        stepEnd = searchEnd;
                    }
                    while (position < stepEnd)
                    {
                        literal = data[position];
                        buffer |= (uint)literalCodes[literal] << n;
                        n += literal < 144 ? 8 : 9;
                        if (n >= 16)
                        {
                            o[p] = (byte)buffer;
                            o[p + 1] = (byte)(buffer >> 8);
                            p += 2;
                            buffer >>= 16;
                            n -= 16;
                        }
                        position++;
                    }
                }
            }
            output.Resume(p, buffer, n);
            repeatDistance = repeat;
            return position;
        }
    }
}
