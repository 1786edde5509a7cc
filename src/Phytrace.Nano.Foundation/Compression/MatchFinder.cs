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
        /// <paramref name="niceLength"/>; then records the position.
        /// </summary>
        public void FindAndInsert(int position, int longerThan, int maxChain, int niceLength)
        {
            MatchLength = 0;
            MatchDistance = 0;
            if (position + DeflateTables.MinMatch > end)
            {
                return;
            }
            int hash = Hash(position);
            int relative = position - start + 1;
            int stored = head[hash];
            if (stored != 0 && maxChain > 0)
            {
                Search(position, (relative - stored) & 0xFFFF, longerThan, maxChain, niceLength);
            }
            Link(position, hash, relative, stored);
        }

        /// <summary>Records <paramref name="position"/> without searching (positions inside an emitted match).</summary>
        public void Insert(int position)
        {
            if (position + DeflateTables.MinMatch > end)
            {
                return;
            }
            int hash = Hash(position);
            Link(position, hash, position - start + 1, head[hash]);
        }

        private void Link(int position, int hash, int relative, int stored)
        {
            int distance = stored == 0 ? 0 : (relative - stored) & 0xFFFF;
            prev[position & windowMask] = distance < windowSize ? (ushort)distance : (ushort)0;
            head[hash] = (ushort)relative;
        }

        private void Search(int position, int distance, int longerThan, int maxChain, int niceLength)
        {
            byte[] data = input;
            int maxLength = end - position;
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
            while (distance > 0 && distance < windowSize && chain-- > 0)
            {
                int candidate = position - distance;
                if (candidate < start)
                {
                    return;
                }
                // Cheap reject first: the byte that would make this match the best must agree.
                if (data[candidate + best] == data[position + best] && data[candidate] == data[position])
                {
                    int length = 1;
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

        private int Hash(int position)
        {
            uint v = (uint)(input[position] | (input[position + 1] << 8) | (input[position + 2] << 16));
            return (int)((v * 0x9E3779B1u) >> hashShift);
        }
    }
}
