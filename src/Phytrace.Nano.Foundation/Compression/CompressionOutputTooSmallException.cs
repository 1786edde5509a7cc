using System;

namespace Phytrace.Nano.Compression
{
    /// <summary>
    /// The output buffer given to <see cref="GzipEncoder.Compress"/> filled up before the stream
    /// was complete. A buffer of <see cref="GzipEncoder.MaxCompressedSize"/> bytes never does.
    /// </summary>
    public sealed class CompressionOutputTooSmallException : Exception
    {
        public CompressionOutputTooSmallException(string message) : base(message)
        {
        }
    }
}
