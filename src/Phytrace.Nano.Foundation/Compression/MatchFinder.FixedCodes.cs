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
        // The distance of the last match the previous call wrote (0: none). The next call's first
        // position is offered it as its head's candidate, so that a run keeps its short distance
        // across a block end: positions inside matches are not recorded, so the head of a run's
        // word would lie at the run's first match, up to a block back.
        private int lastDistance;

        /// <summary>
        /// Parses from <paramref name="position"/> and writes each match or literal into
        /// <paramref name="output"/> with the fixed code, starting no new symbol at or after
        /// <paramref name="blockEnd"/> (a match may run past it); returns the position reached.
        /// The last three bytes of the input are never searched (a 4-byte read each): the caller
        /// writes them as literals, and the block header and end of block, and gives room for 9
        /// bits per byte covered plus 40 (the block may run 259 bytes past
        /// <paramref name="blockEnd"/>): no capacity check is made here.
        /// The search is ParseGreedy's made cheaper: matches of 4 bytes or more, the byte that
        /// ended a match sent as a literal unsearched, skip-ahead after
        /// 2^<paramref name="skipShift"/> misses in a row, but one candidate per position, the
        /// hash head, checked with one 4-byte read: no chain links (with as many heads as the
        /// window has positions, the memory the links took, a second candidate found little, and
        /// the links cost a store per position and a walk per search) and no first try at the
        /// last match's distance (the head finds that position too: on the benchmark's batch
        /// the try cost a read per match and made the output larger). Literals that a match
        /// found after them also covers are taken back out of the bit stream.
        /// </summary>
        public int ParseFixedCodes(int position, int blockEnd, BitWriter output, int skipShift)
        {
            byte[] data = input;
            ushort[] heads = head;
            int shift = hashShift;
            int first = start;
            int stop = end;
            // Heads hold position + bias modulo 65536 (0 = empty), the bias putting every position
            // of the input at least size + 1 above zero: an empty head then reads as a distance of
            // more than the window (or, past 64 KB of input, as one that lands on a real position
            // and is verified), so no test for empty heads is made. The other levels keep their
            // own form (relative position + 1); Reset clears the heads between inputs.
            int bias = windowSize + 1 - first;
            // A head's distance is in the window when 1 <= back < size: (uint)(back - 1) < windowLimit.
            uint windowLimit = (uint)(windowSize - 1);
            int lastStart = stop - 4;
            int searchEnd = blockEnd <= lastStart ? blockEnd : lastStart + 1;
            // Misses in a row after which bytes are skipped (a shift of 30 or more: never, a
            // count no run reaches, and position + skipAfter cannot overflow).
            int skipAfter = skipShift >= 30 ? int.MaxValue - stop : 1 << skipShift;
            ushort[] literalCodes = DeflateTables.FixedLiteralCodes;
            ushort[] lengthBits = DeflateTables.FixedLengthBits;
            byte[] lengthBitCount = DeflateTables.FixedLengthBitCount;
            byte[] o = output.Output;
            int p = output.Position;
            uint buffer = output.PendingBits;
            int n = output.PendingBitCount;
            // Where the literals written since the last match of this call begin: a later match
            // may take back those it also covers, and no more.
            int literalStart = position;
            // The misses in a row are counted only once the run passes skipAfter (position
            // beyond skipFrom): until then they equal the bytes it covered.
            int skipFrom = position + skipAfter;
            int misses = 0;
            // The distance of the last match written here, with its code and extra bits: most
            // matches of a telemetry batch repeat the distance of the one before (the previous
            // event's), and working the code out again costs more than checking.
            int codedDistance = 0;
            uint distanceBits = 0;
            int distanceBitCount = 0;
            if (lastDistance != 0 && position < searchEnd)
            {
                heads[(int)(((uint)System.BitConverter.ToInt32(data, position) * 0x9E3779B1u) >> shift)] = (ushort)(position - lastDistance + bias);
            }
            while (position < searchEnd)
            {
                int word = System.BitConverter.ToInt32(data, position);
                int hash = (int)(((uint)word * 0x9E3779B1u) >> shift);
                int relative = position + bias;
                int distance = (ushort)(relative - heads[hash]);
                heads[hash] = (ushort)relative;
                if ((uint)(distance - 1) < windowLimit && System.BitConverter.ToInt32(data, position - distance) == word)
                {
                    // A match of the longest length is followed by another at the same
                    // distance while that holds (a run: 200 KB of zeros is all distance-1
                    // matches), with no literal between and no search.
                    int best;
                    do
                    {
                        // The match runs on from the 4 bytes read, 8 bytes a step (two
                        // BitConverter.ToInt64 natives), written out here rather than called: a
                        // call costs about as much as a step. In the word that differs, the equal
                        // bytes are counted from the low end on a little-endian machine (all of
                        // nanoFramework's targets); elsewhere byte by byte.
                        int i = position + 4;
                        int matchEnd = stop - position < DeflateTables.MaxMatch ? stop : position + DeflateTables.MaxMatch;
                        int lastWord = matchEnd - 8;
                        while (i <= lastWord)
                        {
                            long difference = System.BitConverter.ToInt64(data, i - distance) ^ System.BitConverter.ToInt64(data, i);
                            if (difference != 0)
                            {
                                if (LittleEndian)
                                {
                                    int low = (int)difference;
                                    if (low == 0)
                                    {
                                        i += 4;
                                        low = (int)(difference >> 32);
                                    }
                                    if ((low & 0xFFFF) == 0)
                                    {
                                        i += 2;
                                        low >>= 16;
                                    }
                                    if ((low & 0xFF) == 0)
                                    {
                                        i++;
                                    }
                                    matchEnd = i;
                                }
                                break;
                            }
                            i += 8;
                        }
                        while (i < matchEnd && data[i - distance] == data[i])
                        {
                            i++;
                        }
                        best = i - position;
                        if (position > literalStart && position > first + distance && data[position - 1] == data[position - 1 - distance] && best < DeflateTables.MaxMatch)
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
                        if (distance != codedDistance)
                        {
                            int code = distance <= 256 ? DeflateTables.NearDistanceCode[distance - 1] : DeflateTables.FarDistanceCode[(distance - 1) >> 7];
                            distanceBits = (uint)(DeflateTables.FixedDistanceCodes[code] | ((distance - DeflateTables.DistanceBase[code]) << 5));
                            distanceBitCount = 5 + DeflateTables.DistanceExtraBits[code];
                            codedDistance = distance;
                        }
                        if (distanceBitCount <= 17)
                        {
                            // Code and extra bits together: at most 17 bits on top of at most 15.
                            buffer |= distanceBits << n;
                            n += distanceBitCount;
                        }
                        else
                        {
                            // Distances past 16384 (a 32 KB window): 18 bits, written in two parts.
                            buffer |= (distanceBits & 31) << n;
                            n += 5;
                            if (n >= 16)
                            {
                                o[p] = (byte)buffer;
                                o[p + 1] = (byte)(buffer >> 8);
                                p += 2;
                                buffer >>= 16;
                                n -= 16;
                            }
                            buffer |= (distanceBits >> 5) << n;
                            n += distanceBitCount - 5;
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
                    }
                    while (best == DeflateTables.MaxMatch && position < searchEnd
                        && System.BitConverter.ToInt32(data, position - distance) == System.BitConverter.ToInt32(data, position));
                    misses = 0;
                    if (position >= lastStart || best == DeflateTables.MaxMatch)
                    {
                        // No unsearched literal: the input's last bytes, or a match of the
                        // longest length, which no differing byte ended (a run of zeros is then
                        // all matches).
                        skipFrom = position + skipAfter;
                        continue;
                    }
                    // Else the byte that ended the match goes out below, unsearched, and no
                    // later match takes it back (it rarely could: it differs at this distance).
                    literalStart = position + 1;
                    skipFrom = position + 1 + skipAfter;
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
                if (position > skipFrom)
                {
                    // After a run of misses the next few bytes go out unsearched (the longer the
                    // run, the more are skipped); from here on each miss is counted.
                    misses = misses == 0 ? position - skipFrom + skipAfter : misses + 1;
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
                    skipFrom = position;
                }
            }
            output.Resume(p, buffer, n);
            lastDistance = codedDistance;
            return position;
        }
    }
}
