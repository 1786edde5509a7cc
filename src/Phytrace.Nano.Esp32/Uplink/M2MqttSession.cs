using System;
using System.Security.Cryptography.X509Certificates;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Messages;
using Phytrace.Nano.Configuration;
using Phytrace.Nano.Uplink;
using CoreReasonCode = Phytrace.Nano.Uplink.MqttReasonCode;
using M2MqttReasonCode = nanoFramework.M2Mqtt.Messages.MqttReasonCode;

namespace Phytrace.Nano.Esp32.Uplink
{
    /// <summary>
    /// The core's MQTT session on nanoFramework.M2Mqtt 5.x. MqttClient's constructor opens the
    /// network channel, which resolves the broker's name and throws while offline, so a client is
    /// created inside each Connect and every failure to reach the broker becomes
    /// <see cref="CoreReasonCode.NetworkUnreachable"/>. Events of the client are forwarded as the
    /// core's Published and ConnectionClosed; they arrive on M2Mqtt's own threads. The CA and the
    /// client certificate are parsed once, when the session is created (a bad PEM is an error
    /// there, not at every connect), and reused by every client.
    /// </summary>
    public sealed class M2MqttSession : IMqttSession
    {
        private readonly object gate = new object();
        private readonly string host;
        private readonly int port;
        private readonly bool useTls;
        private readonly MqttSslProtocols tlsVersion;
        private readonly X509Certificate? caCertificate;
        private readonly X509Certificate? clientCertificate;
        private MqttClient? client;
        private string lastConnectError = string.Empty;

        /// <summary>A session to <paramref name="host"/>:<paramref name="port"/>, over TLS 1.2 checked against the PEM CA when <paramref name="useTls"/>.</summary>
        public M2MqttSession(string host, int port, bool useTls, string caCertificatePem)
            : this(host, port, useTls, MqttSettings.Tls12, caCertificatePem, string.Empty, string.Empty)
        {
        }

        /// <summary>
        /// A session over TLS <paramref name="tlsVersion"/> ("1.2" or "1.3") when <paramref name="useTls"/>,
        /// checked against the PEM CA, presenting the PEM client certificate and key when given
        /// (mutual TLS). ArgumentException names the setting whose PEM does not parse.
        /// </summary>
        public M2MqttSession(string host, int port, bool useTls, string tlsVersion, string caCertificatePem, string clientCertificatePem, string clientKeyPem)
        {
            this.host = host;
            this.port = port;
            this.useTls = useTls;
            this.tlsVersion = tlsVersion == MqttSettings.Tls13 ? MqttSslProtocols.TLSv1_3 : MqttSslProtocols.TLSv1_2;
            if (!useTls)
            {
                return;
            }
            if (caCertificatePem != null && caCertificatePem.Length > 0)
            {
                try
                {
                    caCertificate = new X509Certificate(caCertificatePem);
                }
                catch (Exception e)
                {
                    throw new ArgumentException("mqtt.ca_certificate_pem could not be parsed as a PEM certificate: " + e.Message);
                }
            }
            if (clientCertificatePem != null && clientCertificatePem.Length > 0)
            {
                try
                {
                    clientCertificate = new X509Certificate2(clientCertificatePem, clientKeyPem, null);
                }
                catch (Exception e)
                {
                    // The key is a secret: the message names the settings, never their text.
                    throw new ArgumentException("mqtt.client_certificate_pem and mqtt.client_key_pem could not be parsed as a PEM certificate and its private key: " + e.Message);
                }
            }
        }

        /// <summary>A session for the broker a (validated) BoardConfig names.</summary>
        public static M2MqttSession FromSettings(MqttSettings settings)
        {
            return new M2MqttSession(settings.Host, settings.Port, settings.UseTls, settings.TlsVersion, settings.CaCertificatePem, settings.ClientCertificatePem, settings.ClientKeyPem);
        }

        /// <inheritdoc />
        public string LastConnectError
        {
            get { return lastConnectError; }
        }

        /// <inheritdoc />
        public event MqttPublishedHandler? Published;

        /// <inheritdoc />
        public event MqttConnectionClosedHandler? ConnectionClosed;

        /// <inheritdoc />
        public bool IsConnected
        {
            get
            {
                MqttClient? current = client;
                return current != null && current.IsConnected;
            }
        }

        /// <inheritdoc />
        public CoreReasonCode Connect(MqttConnectOptions options)
        {
            lock (gate)
            {
                Release();
                lastConnectError = string.Empty;
                MqttClient candidate;
                try
                {
                    candidate = new MqttClient(host, port, useTls, caCertificate, clientCertificate, useTls ? tlsVersion : MqttSslProtocols.None);
                }
                catch (Exception e)
                {
                    // DNS failed or the network is down: the constructor could not open the channel.
                    lastConnectError = e.Message;
                    return CoreReasonCode.NetworkUnreachable;
                }
                candidate.ProtocolVersion = MqttProtocolVersion.Version_3_1_1;
                candidate.MqttMsgPublished += OnPublished;
                candidate.ConnectionClosed += OnConnectionClosed;
                M2MqttReasonCode answer;
                try
                {
                    bool hasWill = options.WillTopic != null;
                    answer = candidate.Connect(options.ClientId, options.UserName, options.Password, options.WillRetain, (MqttQoSLevel)(byte)options.WillQos, hasWill, options.WillTopic, options.WillMessage, options.CleanSession, options.KeepAliveSeconds);
                }
                catch (Exception e)
                {
                    // MqttConnectionException (TCP or TLS refused) or a timeout waiting for CONNACK.
                    // What nanoFramework's SslStream throws for a refused handshake has not been
                    // observed on a board (the kit's nanoCLR has no network), so it is not told
                    // apart from a network failure here; the message goes into LastConnectError.
                    Abandon(candidate);
                    lastConnectError = Describe(e);
                    return CoreReasonCode.NetworkUnreachable;
                }
                CoreReasonCode result = ConnackCodes.ToReasonCode((int)answer);
                if (result != CoreReasonCode.Success)
                {
                    Abandon(candidate);
                    return result;
                }
                client = candidate;
                return CoreReasonCode.Success;
            }
        }

        /// <inheritdoc />
        public ushort Publish(string topic, byte[] payload, int offset, int count, MqttQos qos, bool retain)
        {
            MqttClient? current = client;
            if (current == null || !current.IsConnected)
            {
                throw new MqttSessionException("cannot publish to " + topic + ": not connected to the broker");
            }
            // M2Mqtt sends the whole array: a batch in the middle of a reused buffer is copied out
            // (one allocation per batch, not per event).
            byte[] message = payload;
            if (offset != 0 || count != payload.Length)
            {
                message = new byte[count];
                Array.Copy(payload, offset, message, 0, count);
            }
            try
            {
                return current.Publish(topic, message, null, null, (MqttQoSLevel)(byte)qos, retain);
            }
            catch (Exception e)
            {
                throw new MqttSessionException("publish to " + topic + " failed", e);
            }
        }

        /// <inheritdoc />
        public void Disconnect()
        {
            lock (gate)
            {
                Release();
            }
        }

        /// <summary>The exception and its causes in one line ("outer: inner: innermost").</summary>
        private static string Describe(Exception e)
        {
            string text = e.Message;
            for (Exception? inner = e.InnerException; inner != null; inner = inner.InnerException)
            {
                text = text + ": " + inner.Message;
            }
            return text;
        }

        /// <summary>Closes the current client, if any, without raising ConnectionClosed (the caller chose to close it).</summary>
        private void Release()
        {
            MqttClient? current = client;
            client = null;
            if (current == null)
            {
                return;
            }
            Detach(current);
            try
            {
                if (current.IsConnected)
                {
                    current.Disconnect();
                }
            }
            catch (Exception)
            {
                // The link was already gone; there is nothing left to close.
            }
        }

        private void Detach(MqttClient candidate)
        {
            candidate.MqttMsgPublished -= OnPublished;
            candidate.ConnectionClosed -= OnConnectionClosed;
        }

        /// <summary>Drops a client whose connect failed: its channel and receive thread may still be open.</summary>
        private void Abandon(MqttClient candidate)
        {
            Detach(candidate);
            try
            {
                candidate.Close();
            }
            catch (Exception)
            {
                // Nothing was open; the client is garbage either way.
            }
        }

        private void OnPublished(object sender, MqttMsgPublishedEventArgs e)
        {
            MqttPublishedHandler? handler = Published;
            if (handler != null)
            {
                handler(e.MessageId, e.IsPublished);
            }
        }

        private void OnConnectionClosed(object sender, EventArgs e)
        {
            if (sender == client)
            {
                client = null;
            }
            MqttConnectionClosedHandler? handler = ConnectionClosed;
            if (handler != null)
            {
                handler();
            }
        }
    }
}
