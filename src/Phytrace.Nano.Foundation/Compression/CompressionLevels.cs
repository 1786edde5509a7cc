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
        private static readonly short[] ChainLinks = { 0, 4, 8, 16, 16, 32, 64, 128, 512, 2048 };
        private static readonly short[] LazyBelow = { 0, 0, 0, 0, 8, 16, 32, 64, 258, 258 };
        private static readonly short[] NiceLength = { 0, 8, 16, 32, 32, 64, 128, 258, 258, 258 };
        private static readonly short[] InsertBelow = { 0, 6, 8, 16, 259, 259, 259, 259, 259, 259 };

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

        /// <summary>A match this long ends the search.</summary>
        public static int StopAtLength(int level)
        {
            return NiceLength[level];
        }
    }
}
