using Phytrace.Nano.Reliability;

namespace Phytrace.Nano.Transport
{
    /// <summary>
    /// What a send (or a whole flush) achieved: how many events were delivered and acknowledged,
    /// how many were not, and why the first failure happened.
    /// </summary>
    public sealed class BatchSendResult
    {
        /// <summary>Events the receiver acknowledged.</summary>
        public int Sent;

        /// <summary>Events not acknowledged (they stay in the buffer).</summary>
        public int Failed;

        /// <summary>Batches sent and acknowledged.</summary>
        public int Batches;

        /// <summary>Classification of the first failure, <see cref="ErrorType.None"/> if none.</summary>
        public ErrorType Error = ErrorType.None;

        /// <summary>Human-readable reason of the first failure, or null.</summary>
        public string? ErrorMessage;

        /// <summary>True when nothing failed.</summary>
        public bool Success
        {
            get { return Failed == 0 && Error == ErrorType.None; }
        }

        /// <summary>Clears the result for reuse (no allocation per send).</summary>
        public void Reset()
        {
            Sent = 0;
            Failed = 0;
            Batches = 0;
            Error = ErrorType.None;
            ErrorMessage = null;
        }

        /// <summary>Records a failure; only the first failure's type and message are kept.</summary>
        public void Fail(int events, ErrorType error, string message)
        {
            Failed += events;
            if (Error == ErrorType.None)
            {
                Error = error;
                ErrorMessage = message;
            }
        }

        /// <summary>Adds another result into this one (combining the sends of a flush).</summary>
        public void Add(BatchSendResult other)
        {
            Sent += other.Sent;
            Batches += other.Batches;
            if (other.Failed > 0 || other.Error != ErrorType.None)
            {
                Fail(other.Failed, other.Error, other.ErrorMessage ?? string.Empty);
            }
        }
    }
}
