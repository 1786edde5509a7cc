using Phytrace.Nano.Formats;

namespace Phytrace.Nano.Configuration
{
    /// <summary>The broker and how to log in to it.</summary>
    public sealed class MqttSettings
    {
        /// <summary>Start of a PEM certificate, which a CA certificate must contain.</summary>
        public const string PemCertificateHeader = PemCertificateShape.Header;

        /// <summary>Broker host name or IP address.</summary>
        public string Host = string.Empty;

        /// <summary>Broker port, 1 to 65535 (1883 plain, 8883 TLS).</summary>
        public int Port = 1883;

        /// <summary>Connect over TLS; needs <see cref="CaCertificatePem"/>.</summary>
        public bool UseTls;

        /// <summary>
        /// The CA certificate (PEM text) the broker's certificate is checked against. Validate checks
        /// its shape (PEM lines, base64, one DER SEQUENCE); the device's parser reads it when the
        /// node is created (Esp32Node.Create), so a certificate it refuses is reported there.
        /// </summary>
        public string CaCertificatePem = string.Empty;

        /// <summary>MQTT client id; empty means the source_id.</summary>
        public string ClientId = string.Empty;

        /// <summary>User name, empty for none.</summary>
        public string UserName = string.Empty;

        /// <summary>Password, empty for none.</summary>
        public string Password = string.Empty;

        /// <summary>Keep-alive in seconds, 0 (off) to 65535.</summary>
        public int KeepAliveSeconds = 60;

        /// <summary>How long the uplink waits for a batch's PUBACK before counting a timeout and retrying.</summary>
        public int PubAckTimeoutMs = 10000;

        internal void Validate(ConfigProblems problems)
        {
            if (Host == null || Host.Length == 0 || TextChars.Contains(Host, ' ') || TextChars.Contains(Host, '/'))
            {
                problems.Add(ConfigText.Problem("mqtt.host", ConfigText.Quote(Host), "the broker's host name or IP address, without scheme or spaces"));
            }
            if (Port < 1 || Port > 65535)
            {
                problems.Add(ConfigText.Problem("mqtt.port", Port.ToString(), "1 to 65535 (1883 plain, 8883 TLS)"));
            }
            string? pemProblem = UseTls ? PemCertificateShape.Problem(CaCertificatePem) : null;
            if (pemProblem != null)
            {
                problems.Add(ConfigText.Problem("mqtt.ca_certificate_pem", pemProblem + " while mqtt.use_tls is true",
                    "the broker's CA certificate as PEM text (" + PemCertificateHeader + ", base64, " + PemCertificateShape.Footer + ")"));
            }
            if (ClientId == null || ClientId.Length > 256)
            {
                problems.Add(ConfigText.Problem("mqtt.client_id", ClientId == null ? "null" : ClientId.Length.ToString() + " characters long", "empty (use source_id) or at most 256 characters"));
            }
            if (UserName == null || Password == null)
            {
                problems.Add(ConfigText.Problem(UserName == null ? "mqtt.user_name" : "mqtt.password", "null", "a string, empty for none"));
            }
            else if (UserName.Length == 0 && Password.Length != 0)
            {
                problems.Add(ConfigText.Problem("mqtt.user_name", "empty while mqtt.password is set", "a user name to go with the password"));
            }
            if (KeepAliveSeconds < 0 || KeepAliveSeconds > 65535)
            {
                problems.Add(ConfigText.Problem("mqtt.keep_alive_seconds", KeepAliveSeconds.ToString(), "0 (off) to 65535 seconds"));
            }
            if (PubAckTimeoutMs < 100 || PubAckTimeoutMs > 600000)
            {
                problems.Add(ConfigText.Problem("mqtt.puback_timeout_ms", PubAckTimeoutMs.ToString(), "100 to 600000 ms"));
            }
        }
    }
}
