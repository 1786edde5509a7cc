namespace Phytrace.Nano.Reliability
{
    /// <summary>
    /// The seed's snake_case names of <see cref="ErrorType"/>, for logs, status messages and error
    /// texts. Enum.ToString prints the number on the device, so the mapping is written out.
    /// </summary>
    public static class ErrorTypeNames
    {
        /// <summary>"network_error", "timeout", ...; "error_type_N" for a value outside the enum.</summary>
        public static string Of(ErrorType errorType)
        {
            switch (errorType)
            {
                case ErrorType.None: return "none";
                case ErrorType.NetworkError: return "network_error";
                case ErrorType.Timeout: return "timeout";
                case ErrorType.ServerError: return "server_error";
                case ErrorType.RateLimited: return "rate_limited";
                case ErrorType.AuthFailure: return "auth_failure";
                case ErrorType.InvalidData: return "invalid_data";
                case ErrorType.PayloadTooLarge: return "payload_too_large";
                case ErrorType.Unknown: return "unknown";
                case ErrorType.TlsFailure: return "tls_failure";
                default: return "error_type_" + ((int)errorType).ToString();
            }
        }
    }
}
