using System;

namespace Phytrace.Nano.Batching
{
    /// <summary>
    /// The seed's BatchConfig (max_batch_size 100, max_batch_age_ms 1000, compression gzip,
    /// compression_level 6) plus what a device needs to preallocate: <see cref="MaxBatchBytes"/>,
    /// the event JSON bytes one batch may hold (default 32 KB; a batch closes early when the next
    /// event would not fit).
    /// </summary>
    public sealed class BatchConfig
    {
        public const int DefaultMaxBatchSize = 100;
        public const int DefaultMaxBatchAgeMs = 1000;
        public const int DefaultCompressionLevel = 6;
        public const int DefaultMaxBatchBytes = 32 * 1024;

        private readonly int maxBatchSize;
        private readonly int maxBatchAgeMs;
        private readonly BatchCompression compression;
        private readonly int compressionLevel;
        private readonly int maxBatchBytes;

        /// <summary>The seed's defaults.</summary>
        public BatchConfig()
            : this(DefaultMaxBatchSize, DefaultMaxBatchAgeMs, BatchCompression.Gzip, DefaultCompressionLevel, DefaultMaxBatchBytes)
        {
        }

        /// <summary>The seed's four settings with the default <see cref="MaxBatchBytes"/>.</summary>
        public BatchConfig(int maxBatchSize, int maxBatchAgeMs, BatchCompression compression, int compressionLevel)
            : this(maxBatchSize, maxBatchAgeMs, compression, compressionLevel, DefaultMaxBatchBytes)
        {
        }

        /// <summary>Every setting; throws naming every bad field (see <see cref="Problems"/>).</summary>
        public BatchConfig(int maxBatchSize, int maxBatchAgeMs, BatchCompression compression, int compressionLevel, int maxBatchBytes)
        {
            string problems = Problems(maxBatchSize, maxBatchAgeMs, compression, compressionLevel, maxBatchBytes);
            if (problems.Length > 0)
            {
                throw new ArgumentException("invalid BatchConfig: " + problems);
            }
            this.maxBatchSize = maxBatchSize;
            this.maxBatchAgeMs = maxBatchAgeMs;
            this.compression = compression;
            this.compressionLevel = compressionLevel;
            this.maxBatchBytes = maxBatchBytes;
        }

        /// <summary>Events per batch; a batch closes when it has this many.</summary>
        public int MaxBatchSize
        {
            get { return maxBatchSize; }
        }

        /// <summary>A batch closes this many milliseconds (tick clock) after its first event.</summary>
        public int MaxBatchAgeMs
        {
            get { return maxBatchAgeMs; }
        }

        public BatchCompression Compression
        {
            get { return compression; }
        }

        /// <summary>gzip level 0 (stored) to 9 (smallest).</summary>
        public int CompressionLevel
        {
            get { return compressionLevel; }
        }

        /// <summary>Event JSON bytes one batch holds at most (buffers are sized from it).</summary>
        public int MaxBatchBytes
        {
            get { return maxBatchBytes; }
        }

        /// <summary>
        /// Every problem with these settings in plain words, separated by "; ", or an empty string
        /// if there is none (BoardConfig.Validate gathers these).
        /// </summary>
        public static string Problems(int maxBatchSize, int maxBatchAgeMs, BatchCompression compression, int compressionLevel, int maxBatchBytes)
        {
            string problems = string.Empty;
            if (maxBatchSize < 1 || maxBatchSize > 10000)
            {
                problems = Append(problems, "max_batch_size must be 1 to 10000, got " + maxBatchSize.ToString());
            }
            if (maxBatchAgeMs < 1)
            {
                problems = Append(problems, "max_batch_age_ms must be at least 1, got " + maxBatchAgeMs.ToString());
            }
            if (compression != BatchCompression.None && compression != BatchCompression.Gzip)
            {
                problems = Append(problems, "compression must be None or Gzip, got " + ((int)compression).ToString());
            }
            if (compressionLevel < 0 || compressionLevel > 9)
            {
                problems = Append(problems, "compression_level must be 0 to 9, got " + compressionLevel.ToString());
            }
            if (maxBatchBytes < 64 || maxBatchBytes > 16 * 1024 * 1024)
            {
                problems = Append(problems, "max_batch_bytes must be 64 to 16777216, got " + maxBatchBytes.ToString());
            }
            return problems;
        }

        /// <summary>The "compression" member's value in the envelope.</summary>
        internal string CompressionName
        {
            get { return compression == BatchCompression.Gzip ? "gzip" : "none"; }
        }

        private static string Append(string problems, string problem)
        {
            return problems.Length == 0 ? problem : problems + "; " + problem;
        }
    }
}
