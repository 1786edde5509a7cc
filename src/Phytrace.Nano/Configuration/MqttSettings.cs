using Phytrace.Nano.Formats;

namespace Phytrace.Nano.Configuration
{
    /// <summary>The broker and how to log in to it.</summary>
    public sealed class MqttSettings
    {
        /// <summary>Start of a PEM certificate, which a CA certificate must contain.</summary>
        public const string PemCertificateHeader = PemCertificateShape.Header;

        /// <summary>What every PEM private key block contains ("-----BEGIN PRIVATE KEY-----", "... EC PRIVATE KEY-----", "... RSA PRIVATE KEY-----").</summary>
        public const string PemPrivateKeyMarker = "PRIVATE KEY-----";

        /// <summary>Broker host name or IP address.</summary>
        public string Host = string.Empty;

        /// <summary>Broker port, 1 to 65535 (1883 plain, 8883 TLS).</summary>
        public int Port = 1883;

        /// <summary>TLS 1.2, what every ESP32 firmware's mbedTLS speaks.</summary>
        public const string Tls12 = "1.2";

        /// <summary>TLS 1.3, where the firmware's mbedTLS has it enabled.</summary>
        public const string Tls13 = "1.3";

        /// <summary>Connect over TLS; needs <see cref="CaCertificatePem"/>.</summary>
        public bool UseTls;

        /// <summary>The TLS version spoken when <see cref="UseTls"/>: <see cref="Tls12"/> (default) or <see cref="Tls13"/>.</summary>
        public string TlsVersion = Tls12;

        /// <summary>
        /// The CA certificate (PEM text) the broker's certificate is checked against. Validate checks
        /// its shape (PEM lines, base64, one DER SEQUENCE); the device's parser reads it when the
        /// node is created (Esp32Node.Create), so a certificate it refuses is reported there.
        /// </summary>
        public string CaCertificatePem = string.Empty;

        /// <summary>
        /// Client certificate (PEM text) for mutual TLS, or empty for none. Needs
        /// <see cref="ClientKeyPem"/> and <see cref="UseTls"/>.
        /// </summary>
        public string ClientCertificatePem = string.Empty;

        /// <summary>The client certificate's private key (PEM text), or empty. A secret: never printed.</summary>
        public string ClientKeyPem = string.Empty;

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
            if (TlsVersion != Tls12 && TlsVersion != Tls13)
            {
                problems.Add(ConfigText.Problem("mqtt.tls_version", ConfigText.Quote(TlsVersion), "\"1.2\" or \"1.3\""));
            }
            ValidateClientCertificate(problems);
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

        private void ValidateClientCertificate(ConfigProblems problems)
        {
            bool hasCertificate = ClientCertificatePem != null && ClientCertificatePem.Length > 0;
            bool hasKey = ClientKeyPem != null && ClientKeyPem.Length > 0;
            if (ClientCertificatePem == null || ClientKeyPem == null)
            {
                problems.Add(ConfigText.Problem(ClientCertificatePem == null ? "mqtt.client_certificate_pem" : "mqtt.client_key_pem", "null", "PEM text, or empty for no client certificate"));
                return;
            }
            if (!hasCertificate && !hasKey)
            {
                return;
            }
            if (!UseTls)
            {
                problems.Add(ConfigText.Problem("mqtt.client_certificate_pem", "set while mqtt.use_tls is false", "mqtt.use_tls true (a client certificate is only sent over TLS)"));
            }
            string? certificateProblem = hasCertificate ? PemCertificateShape.Problem(ClientCertificatePem) : null;
            if (certificateProblem != null)
            {
                problems.Add(ConfigText.Problem("mqtt.client_certificate_pem", certificateProblem,
                    "the client certificate as PEM text (" + PemCertificateHeader + ", base64, " + PemCertificateShape.Footer + ")"));
            }
            if (!hasKey)
            {
                problems.Add(ConfigText.Problem("mqtt.client_key_pem", "empty while mqtt.client_certificate_pem is set", "the client certificate's private key as PEM text"));
            }
            else if (TextChars.IndexOf(ClientKeyPem, PemPrivateKeyMarker) < 0)
            {
                // The value is a secret: say what it is not, never what it is.
                problems.Add(ConfigText.Problem("mqtt.client_key_pem", "not a PEM private key (" + ClientKeyPem.Length.ToString() + " characters, value not shown)", "the private key as PEM text (-----BEGIN PRIVATE KEY----- ...)"));
            }
            if (!hasCertificate)
            {
                problems.Add(ConfigText.Problem("mqtt.client_certificate_pem", "empty while mqtt.client_key_pem is set", "the client certificate that goes with the key, as PEM text"));
            }
        }
    }
}
