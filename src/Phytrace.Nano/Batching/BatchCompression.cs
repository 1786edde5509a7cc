namespace Phytrace.Nano.Batching
{
    /// <summary>How a batch payload is encoded (the seed's CompressionType).</summary>
    public enum BatchCompression
    {
        /// <summary>The envelope JSON as it is.</summary>
        None = 0,

        /// <summary>The envelope JSON gzip-compressed (RFC 1952).</summary>
        Gzip = 1,
    }
}
