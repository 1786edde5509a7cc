namespace Phytrace.Nano.Compression
{
    /// <summary>
    /// Builds length-limited Huffman codes for DEFLATE's dynamic blocks: optimal code lengths from
    /// symbol frequencies (Moffat and Katajainen's in-place method over the frequency-sorted
    /// symbols), then, if a length exceeds the limit (15, or 7 for the code length code), the
    /// over-long codes are shortened and the Kraft sum repaired by lengthening the cheapest
    /// shorter codes. Canonical codes follow RFC 1951 3.2.2. Scratch is allocated once.
    /// </summary>
    internal sealed class HuffmanCodeBuilder
    {
        private readonly int[] work;
        private readonly short[] order;
        private readonly int[] bitLengthCount = new int[DeflateTables.MaxBits + 2];
        private readonly int[] nextCode = new int[DeflateTables.MaxBits + 2];

        public HuffmanCodeBuilder(int maxSymbols)
        {
            work = new int[maxSymbols];
            order = new short[maxSymbols];
        }

        /// <summary>Bytes of scratch this builder holds.</summary>
        public int WorkingBytes
        {
            get { return (work.Length * 4) + (order.Length * 2) + (bitLengthCount.Length * 4) + (nextCode.Length * 4); }
        }

        /// <summary>
        /// Sets lengths[0..count) for frequencies freq[0..count), no length above
        /// <paramref name="maxBits"/>. Unused symbols get 0. At least two symbols always get a code
        /// so every code is complete, which every inflater accepts.
        /// </summary>
        public void BuildLengths(int[] freq, int count, int maxBits, byte[] lengths)
        {
            int used = 0;
            for (int s = 0; s < count; s++)
            {
                lengths[s] = 0;
                if (freq[s] != 0)
                {
                    order[used++] = (short)s;
                }
            }
            if (used < 2)
            {
                // One or no symbol in use: give it and a neighbour one bit each.
                int a = used == 1 ? order[0] : 0;
                int b = a == 0 ? 1 : 0;
                lengths[a] = 1;
                lengths[b] = 1;
                return;
            }
            SortByFrequency(freq, used);
            for (int i = 0; i < used; i++)
            {
                work[i] = freq[order[i]];
            }
            ComputeOptimalLengths(used);

            for (int i = 0; i <= maxBits + 1; i++)
            {
                bitLengthCount[i] = 0;
            }
            for (int i = 0; i < used; i++)
            {
                int len = work[i];
                bitLengthCount[len > maxBits ? maxBits : len]++;
            }
            LimitLengths(maxBits);

            // work[] lengths are non-increasing along the frequency order; hand out the (limited)
            // counts the same way: the rarest symbols get the longest codes.
            int next = 0;
            for (int len = maxBits; len >= 1; len--)
            {
                for (int k = bitLengthCount[len]; k > 0; k--)
                {
                    lengths[order[next++]] = (byte)len;
                }
            }
        }

        /// <summary>
        /// RFC 1951 3.2.2 canonical codes from lengths, stored bit-reversed because DEFLATE sends
        /// Huffman codes most significant bit first into an LSB-first stream.
        /// </summary>
        public static void AssignCanonicalCodes(byte[] lengths, int count, ushort[] codes, int[] bitLengthCount, int[] nextCode)
        {
            for (int i = 0; i <= DeflateTables.MaxBits; i++)
            {
                bitLengthCount[i] = 0;
            }
            for (int s = 0; s < count; s++)
            {
                bitLengthCount[lengths[s]]++;
            }
            bitLengthCount[0] = 0;
            int code = 0;
            for (int bits = 1; bits <= DeflateTables.MaxBits; bits++)
            {
                code = (code + bitLengthCount[bits - 1]) << 1;
                nextCode[bits] = code;
            }
            for (int s = 0; s < count; s++)
            {
                int len = lengths[s];
                codes[s] = len == 0 ? (ushort)0 : (ushort)Reverse(nextCode[len]++, len);
            }
        }

        /// <summary>Canonical codes using this builder's scratch.</summary>
        public void AssignCodes(byte[] lengths, int count, ushort[] codes)
        {
            AssignCanonicalCodes(lengths, count, codes, bitLengthCount, nextCode);
        }

        // The low 'length' bits of code in reverse order (length 1..15), through a byte table
        // rather than a loop per bit: each dynamic block assigns a few hundred codes. The table
        // lives in DeflateTables, whose static constructor calls this (nanoFramework runs static
        // constructors in its own order; a table of this class might not exist yet then).
        private static int Reverse(int code, int length)
        {
            byte[] table = DeflateTables.ReversedBytes;
            int r = (table[code & 0xFF] << 8) | table[(code >> 8) & 0xFF];
            return r >> (16 - length);
        }

        // Shell sort of order[0..n) by (frequency, symbol): deterministic, in place, no allocation.
        private void SortByFrequency(int[] freq, int n)
        {
            int gap = 1;
            while (gap < n / 3)
            {
                gap = (gap * 3) + 1;
            }
            for (; gap >= 1; gap /= 3)
            {
                for (int i = gap; i < n; i++)
                {
                    short item = order[i];
                    int f = freq[item];
                    int j = i;
                    while (j >= gap)
                    {
                        short other = order[j - gap];
                        int g = freq[other];
                        if (g < f || (g == f && other < item))
                        {
                            break;
                        }
                        order[j] = other;
                        j -= gap;
                    }
                    order[j] = item;
                }
            }
        }

        // Moffat and Katajainen, "In-place calculation of minimum-redundancy codes" (1995):
        // work[0..n) holds ascending weights on entry and code lengths (non-increasing) on exit.
        private void ComputeOptimalLengths(int n)
        {
            int[] a = work;
            // Phase 1: combine weights; internal nodes overwrite consumed slots with parent indices.
            a[0] += a[1];
            int root = 0;
            int leaf = 2;
            for (int next = 1; next < n - 1; next++)
            {
                if (leaf >= n || a[root] < a[leaf])
                {
                    a[next] = a[root];
                    a[root++] = next;
                }
                else
                {
                    a[next] = a[leaf++];
                }
                if (leaf >= n || (root < next && a[root] < a[leaf]))
                {
                    a[next] += a[root];
                    a[root++] = next;
                }
                else
                {
                    a[next] += a[leaf++];
                }
            }
            // Phase 2: depth of each internal node from its parent's.
            a[n - 2] = 0;
            for (int next = n - 3; next >= 0; next--)
            {
                a[next] = a[a[next]] + 1;
            }
            // Phase 3: leaf depths, level by level.
            int available = 1;
            int depth = 0;
            int r = n - 2;
            int slot = n - 1;
            while (available > 0)
            {
                int usedHere = 0;
                while (r >= 0 && a[r] == depth)
                {
                    usedHere++;
                    r--;
                }
                while (available > usedHere)
                {
                    a[slot--] = depth;
                    available--;
                }
                available = 2 * usedHere;
                depth++;
            }
        }

        // Codes longer than maxBits were counted at maxBits; that over-fills the code space. Each
        // step removes one maxBits leaf's share and splits the deepest shorter leaf, keeping the
        // number of leaves, until the Kraft sum is exactly 1.
        private void LimitLengths(int maxBits)
        {
            int total = 0;
            for (int len = 1; len <= maxBits; len++)
            {
                total += bitLengthCount[len] << (maxBits - len);
            }
            int full = 1 << maxBits;
            while (total > full)
            {
                bitLengthCount[maxBits]--;
                for (int len = maxBits - 1; len >= 1; len--)
                {
                    if (bitLengthCount[len] != 0)
                    {
                        bitLengthCount[len]--;
                        bitLengthCount[len + 1] += 2;
                        break;
                    }
                }
                total--;
            }
        }
    }
}
