namespace Phytrace.Nano.Compression
{
    /// <summary>
    /// The constant tables of RFC 1951 section 3.2.5 (length and distance codes with their extra
    /// bits) and 3.2.6 (the fixed Huffman code), built once and shared by every encoder
    /// (about 1.9 KB, counted in <see cref="StaticBytes"/>, not in an encoder's working memory).
    /// </summary>
    internal static class DeflateTables
    {
        public const int LiteralLengthSymbols = 286;
        public const int DistanceSymbols = 30;
        public const int CodeLengthSymbols = 19;
        public const int EndOfBlock = 256;
        public const int MinMatch = 3;
        public const int MaxMatch = 258;
        public const int MaxBits = 15;
        public const int MaxCodeLengthBits = 7;

        /// <summary>Base length of length codes 257..285.</summary>
        public static readonly short[] LengthBase = new short[]
        {
            3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258,
        };

        public static readonly byte[] LengthExtraBits = new byte[]
        {
            0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
        };

        /// <summary>Base distance of distance codes 0..29.</summary>
        public static readonly int[] DistanceBase = new int[]
        {
            1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073,
            4097, 6145, 8193, 12289, 16385, 24577,
        };

        public static readonly byte[] DistanceExtraBits = new byte[]
        {
            0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
        };

        /// <summary>The order in which code length code lengths are sent (RFC 1951 3.2.7).</summary>
        public static readonly byte[] CodeLengthOrder = new byte[]
        {
            16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15,
        };

        /// <summary>Length code index (symbol - 257) of each match length 0..258 (entries below 3 unused).</summary>
        public static readonly byte[] LengthCodeOf = BuildLengthCodes();

        /// <summary>Distance code of distances 1..256, indexed by distance - 1.</summary>
        public static readonly byte[] NearDistanceCode = new byte[256];

        /// <summary>Distance code of distances 257..32768, indexed by (distance - 1) >> 7.</summary>
        public static readonly byte[] FarDistanceCode = new byte[256];

        /// <summary>Each byte with its bits in reverse order (Huffman codes are sent most significant bit first).</summary>
        public static readonly byte[] ReversedBytes = BuildReversedBytes();

        public static readonly byte[] FixedLiteralLengths = new byte[288];
        public static readonly ushort[] FixedLiteralCodes = new ushort[288];
        public static readonly byte[] FixedDistanceLengths = new byte[30];
        public static readonly ushort[] FixedDistanceCodes = new ushort[30];

        /// <summary>
        /// Each match length 3..258 in the fixed code as it goes into the stream: the length
        /// symbol's code (bit-reversed) with the extra bits after it, and how many bits that is
        /// (at most 13). One table read per match instead of four (MatchFinder.ParseFixedCodes).
        /// </summary>
        public static readonly ushort[] FixedLengthBits = new ushort[MaxMatch + 1];

        /// <summary>Bits of each <see cref="FixedLengthBits"/> entry.</summary>
        public static readonly byte[] FixedLengthBitCount = new byte[MaxMatch + 1];

        /// <summary>Bytes of the shared tables above.</summary>
        public const int StaticBytes = (29 * 2) + 29 + (30 * 4) + 30 + 19 + 259 + 256 + 256 + 256 + 288 + (288 * 2) + 30 + (30 * 2) + (259 * 3);

        static DeflateTables()
        {
            for (int code = 0; code < DistanceSymbols; code++)
            {
                int first = DistanceBase[code];
                int last = first + (1 << DistanceExtraBits[code]) - 1;
                for (int d = first; d <= last; d++)
                {
                    if (d <= 256)
                    {
                        NearDistanceCode[d - 1] = (byte)code;
                    }
                    else
                    {
                        FarDistanceCode[(d - 1) >> 7] = (byte)code;
                    }
                }
            }
            for (int i = 0; i < 288; i++)
            {
                FixedLiteralLengths[i] = (byte)(i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8);
            }
            for (int i = 0; i < 30; i++)
            {
                FixedDistanceLengths[i] = 5;
            }
            var bitLengthCount = new int[MaxBits + 1];
            var nextCode = new int[MaxBits + 1];
            HuffmanCodeBuilder.AssignCanonicalCodes(FixedLiteralLengths, 288, FixedLiteralCodes, bitLengthCount, nextCode);
            HuffmanCodeBuilder.AssignCanonicalCodes(FixedDistanceLengths, 30, FixedDistanceCodes, bitLengthCount, nextCode);
            for (int length = MinMatch; length <= MaxMatch; length++)
            {
                int code = LengthCodeOf[length];
                int symbolBits = FixedLiteralLengths[257 + code];
                FixedLengthBits[length] = (ushort)(FixedLiteralCodes[257 + code] | ((length - LengthBase[code]) << symbolBits));
                FixedLengthBitCount[length] = (byte)(symbolBits + LengthExtraBits[code]);
            }
        }

        /// <summary>The distance code (0..29) of a match distance 1..32768.</summary>
        public static int DistanceCodeOf(int distance)
        {
            return distance <= 256 ? NearDistanceCode[distance - 1] : FarDistanceCode[(distance - 1) >> 7];
        }

        private static byte[] BuildReversedBytes()
        {
            var table = new byte[256];
            for (int b = 0; b < 256; b++)
            {
                int r = 0;
                for (int i = 0; i < 8; i++)
                {
                    r |= ((b >> i) & 1) << (7 - i);
                }
                table[b] = (byte)r;
            }
            return table;
        }

        private static byte[] BuildLengthCodes()
        {
            var table = new byte[MaxMatch + 1];
            for (int code = 0; code < 29; code++)
            {
                int first = LengthBase[code];
                int last = code == 28 ? 258 : first + (1 << LengthExtraBits[code]) - 1;
                for (int len = first; len <= last; len++)
                {
                    table[len] = (byte)code;
                }
            }
            // Length 258 has its own code (285) even though code 284 with 5 extra bits could reach it.
            table[258] = 28;
            return table;
        }
    }
}
