namespace Phytrace.Nano.Reliability
{
    /// <summary>
    /// Why a send failed. The first four are the seed's retryable set; the rest are failures a
    /// transport meets that retrying the same request will not cure.
    /// </summary>
    public enum ErrorType
    {
        /// <summary>No error.</summary>
        None = 0,

        /// <summary>The network or the connection to the broker failed (retryable).</summary>
        NetworkError = 1,

        /// <summary>No answer in time, e.g. no PUBACK (retryable).</summary>
        Timeout = 2,

        /// <summary>The broker failed or is unavailable (retryable).</summary>
        ServerError = 3,

        /// <summary>The broker asked us to slow down (retryable).</summary>
        RateLimited = 4,

        /// <summary>Credentials refused or not authorised.</summary>
        AuthFailure = 5,

        /// <summary>The data was refused as malformed.</summary>
        InvalidData = 6,

        /// <summary>The payload exceeds what the broker or client accepts.</summary>
        PayloadTooLarge = 7,

        /// <summary>Anything else.</summary>
        Unknown = 8,

        /// <summary>
        /// The TLS handshake failed: the broker's certificate is not trusted (another CA, expired,
        /// issued for another host) or the broker refused the client's certificate. Retrying the
        /// same connect will not cure it; the configuration or the broker has to change.
        /// </summary>
        TlsFailure = 9,
    }
}
