namespace Phytrace.Nano.Compression
{
    /// <summary>
    /// What each gzip level 1..9 spends on the LZ77 search: how many hash-chain links to follow,
    /// whether to index the positions inside long matches, whether to look one byte ahead for a longer match (lazy matching) and up to what match
    /// length, and the match length that is "good enough" to stop searching. Level 0 stores.
    /// </summary>
    internal static class CompressionLevels
    {
        public const int Minimum = 0;
        public const int Maximum = 9;
        public const int Default = 6;

        //                                   level:  0  1  2   3   4   5   6    7    8     9
        // Level 1 keeps no chains: one candidate per position, the hash head (MatchFinder.ParseFixedCodes).
        private static readonly short[] ChainLinks = { 0, 1, 8, 16, 16, 32, 64, 128, 512, 2048 };
        private static readonly short[] LazyBelow = { 0, 0, 0, 0, 8, 16, 32, 64, 258, 258 };
        private static readonly short[] NiceLength = { 0, 8, 16, 32, 32, 64, 128, 258, 258, 258 };
        private static readonly short[] InsertBelow = { 0, 0, 8, 16, 259, 259, 259, 259, 259, 259 };

        // The greedy levels only (1-3): skip-ahead after misses (31 = never) and the unsearched
        // literal after a match (MatchFinder.ParseGreedy says why).
        private static readonly byte[] SkipShift = { 31, 5, 6, 7, 31, 31, 31, 31, 31, 31 };
        private static readonly bool[] LiteralAfter = { false, true, true, true, false, false, false, false, false, false };

        // Level 1 writes each symbol at once with the fixed Huffman code (MatchFinder.ParseFixedCodes).
        private static readonly bool[] FixedCodes = { false, true, false, false, false, false, false, false, false, false };

        /// <summary>Most chain links followed per search.</summary>
        public static int MaxChain(int level)
        {
            return ChainLinks[level];
        }

        /// <summary>A match shorter than this is re-tried one byte later (0 = greedy).</summary>
        public static int LazyMatchBelow(int level)
        {
            return LazyBelow[level];
        }

        /// <summary>
        /// The positions inside a match are added to the hash chains only if the match is shorter
        /// than this: the fast levels skip that work for long matches and miss a few later matches.
        /// </summary>
        public static int InsertWithinMatchBelow(int level)
        {
            return InsertBelow[level];
        }

        /// <summary>
        /// After n searches in a row that found no match, the next 1 + n / 2^this bytes are
        /// literals without a search (31: never).
        /// </summary>
        public static int SkipAfterMissesShift(int level)
        {
            return SkipShift[level];
        }

        /// <summary>Whether the byte after a match goes out as a literal unsearched, the next position trying the same distance first.</summary>
        public static bool LiteralAfterMatch(int level)
        {
            return LiteralAfter[level];
        }

        /// <summary>
        /// Whether the level writes its symbols as it finds them with DEFLATE's fixed Huffman
        /// code, in one pass, instead of buffering a block's symbols and choosing the smallest code.
        /// </summary>
        public static bool WritesFixedCodes(int level)
        {
            return FixedCodes[level];
        }

        /// <summary>A match this long ends the search.</summary>
        public static int StopAtLength(int level)
        {
            return NiceLength[level];
        }
    }
}
