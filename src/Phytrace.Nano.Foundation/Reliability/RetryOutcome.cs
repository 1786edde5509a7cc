namespace Phytrace.Nano.Reliability
{
    /// <summary>How <see cref="RetryPolicy.ExecuteWithRetry(ReliableOperation, RetryCallback)"/> ended.</summary>
    public struct RetryOutcome
    {
        private readonly ErrorType lastError;
        private readonly int attempts;

        /// <summary>An outcome after <paramref name="attempts"/> calls, the last one reporting <paramref name="lastError"/>.</summary>
        public RetryOutcome(ErrorType lastError, int attempts)
        {
            this.lastError = lastError;
            this.attempts = attempts;
        }

        /// <summary>True if the last attempt succeeded.</summary>
        public bool Succeeded
        {
            get { return lastError == ErrorType.None; }
        }

        /// <summary>What the last attempt reported: None on success, else the error that made the policy give up.</summary>
        public ErrorType LastError
        {
            get { return lastError; }
        }

        /// <summary>How many times the operation was called (1 + retries).</summary>
        public int Attempts
        {
            get { return attempts; }
        }
    }
}
