using Phytrace.Nano.Compression;

namespace Phytrace.Nano.DeviceBenchmark
{
    /// <summary>
    /// How a workload compresses its batches: the level, the block size, the window and the hash
    /// table. The device rows use the node's (PhytraceNode), the others GzipEncoder's defaults.
    /// </summary>
    public sealed class GzipShape
    {
        public readonly int Level;
        public readonly int BlockSymbols;
        public readonly int WindowBits;
        public readonly int HashBits;

        public GzipShape(int level, int blockSymbols, int windowBits, int hashBits)
        {
            Level = level;
            BlockSymbols = blockSymbols;
            WindowBits = windowBits;
            HashBits = hashBits;
        }

        /// <summary>GzipEncoder's default window and hash table at <paramref name="level"/>.</summary>
        public static GzipShape Defaults(int level, int blockSymbols)
        {
            return new GzipShape(level, blockSymbols, GzipEncoder.DefaultWindowBits, GzipEncoder.DefaultHashBits);
        }

        /// <summary>A new encoder of this shape.</summary>
        public GzipEncoder NewEncoder()
        {
            return new GzipEncoder(Level, WindowBits, HashBits, BlockSymbols);
        }
    }
}
