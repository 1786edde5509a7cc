using System;

namespace Phytrace.Nano.Formats
{
    /// <summary>The caller's buffer cannot hold the JSON being written.</summary>
    public sealed class JsonBufferTooSmallException : Exception
    {
        public JsonBufferTooSmallException(int neededBytes, int availableBytes)
            : base("JSON buffer too small: needed at least " + neededBytes.ToString() + " bytes, " + availableBytes.ToString() + " available")
        {
            NeededBytes = neededBytes;
            AvailableBytes = availableBytes;
        }

        /// <summary>Bytes needed so far (a lower bound of the whole document's size).</summary>
        public int NeededBytes { get; private set; }

        /// <summary>Bytes the buffer offered.</summary>
        public int AvailableBytes { get; private set; }
    }
}
