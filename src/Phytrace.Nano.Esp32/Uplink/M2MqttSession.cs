using System;
using System.Security.Cryptography.X509Certificates;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Messages;
using Phytrace.Nano.Configuration;
using Phytrace.Nano.Uplink;
using BrokerSettings = Phytrace.Nano.Configuration.MqttSettings;
using CoreReasonCode = Phytrace.Nano.Uplink.MqttReasonCode;
using M2MqttReasonCode = nanoFramework.M2Mqtt.Messages.MqttReasonCode;

namespace Phytrace.Nano.Esp32.Uplink
{
    /// <summary>
    /// The core's MQTT session on nanoFramework.M2Mqtt 5.x. MqttClient's constructor opens the
    /// network channel, which resolves the broker's name and throws while offline, so a client is
    /// created inside each Connect and every failure to reach the broker becomes
    /// <see cref="CoreReasonCode.NetworkUnreachable"/>. The CA certificate is parsed once, when the
    /// session is made from the configuration, so a certificate the device cannot read is a
    /// configuration error there and not a connect failure on every attempt. Events of the client
    /// are forwarded as the core's Published and ConnectionClosed; they arrive on M2Mqtt's own threads.
    /// </summary>
    public sealed class M2MqttSession : IMqttSession
    {
        private readonly object gate = new object();
        private readonly string host;
        private readonly int port;
        private readonly bool useTls;
        private readonly X509Certificate? caCertificate;
        private MqttClient? client;

        /// <summary>
        /// A session to <paramref name="host"/>:<paramref name="port"/>; over TLS when
        /// <paramref name="useTls"/>, checking the broker against <paramref name="caCertificate"/>.
        /// </summary>
        public M2MqttSession(string host, int port, bool useTls, X509Certificate? caCertificate)
        {
            this.host = host;
            this.port = port;
            this.useTls = useTls;
            this.caCertificate = caCertificate;
        }

        /// <summary>
        /// A session for the broker a (validated) BoardConfig names. Throws ArgumentException naming
        /// mqtt.ca_certificate_pem when TLS is on and the device cannot parse the certificate.
        /// </summary>
        public static M2MqttSession FromSettings(BrokerSettings settings)
        {
            return new M2MqttSession(settings.Host, settings.Port, settings.UseTls, ParseCaCertificate(settings));
        }

        /// <summary>
        /// The CA certificate of <paramref name="settings"/> parsed by the device (mbedTLS), or null
        /// without TLS. A PEM that passes BoardConfig.Validate's shape check can still hold a
        /// certificate mbedTLS refuses; that surfaces here, at creation, naming the field.
        /// </summary>
        public static X509Certificate? ParseCaCertificate(BrokerSettings settings)
        {
            if (!settings.UseTls)
            {
                return null;
            }
            try
            {
                return new X509Certificate(settings.CaCertificatePem);
            }
            catch (Exception e)
            {
                var problems = new ConfigProblems();
                problems.Add("mqtt.ca_certificate_pem", "refused by the device's certificate parser (" + e.Message + ")",
                    "the PEM text of the CA certificate that signed the broker's certificate");
                throw new ArgumentException(problems.ToString());
            }
        }

        /// <summary>
        /// The core's code for what M2Mqtt's Connect returned: MQTT 5 reason codes as they are, the
        /// MQTT 3.1.1 refusals (M2Mqtt's ConnectionRefused..., 1 to 5) as their MQTT 5 equivalents.
        /// </summary>
        public static CoreReasonCode ToReasonCode(M2MqttReasonCode answer)
        {
            return ConnackCodes.ToReasonCode((int)answer);
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
                MqttClient? candidate = OpenClient();
                if (candidate == null)
                {
                    // DNS failed or the network is down: the constructor could not open the channel.
                    return CoreReasonCode.NetworkUnreachable;
                }
                M2MqttReasonCode answer;
                try
                {
                    // Inside the try, not just before it: nanoCLR would run this catch for an exception
                    // of the call just before a try anyway (docs/device-differences.md).
                    candidate.ProtocolVersion = MqttProtocolVersion.Version_3_1_1;
                    candidate.MqttMsgPublished += OnPublished;
                    candidate.ConnectionClosed += OnConnectionClosed;
                    bool hasWill = options.WillTopic != null;
                    answer = candidate.Connect(options.ClientId, options.UserName, options.Password, options.WillRetain, (MqttQoSLevel)(byte)options.WillQos, hasWill, options.WillTopic, options.WillMessage, options.CleanSession, options.KeepAliveSeconds);
                }
                catch (Exception)
                {
                    // MqttConnectionException (TCP/TLS refused) or a timeout waiting for CONNACK.
                    Abandon(candidate);
                    return CoreReasonCode.NetworkUnreachable;
                }
                CoreReasonCode result = ToReasonCode(answer);
                if (result != CoreReasonCode.Success)
                {
                    Abandon(candidate);
                    return result;
                }
                client = candidate;
                return CoreReasonCode.Success;
            }
        }

        // The client, or null when the constructor could not open the channel. A method of its own:
        // its try is its first statement, so no call stands just before it.
        private MqttClient? OpenClient()
        {
            try
            {
                return new MqttClient(host, port, useTls, caCertificate, null, useTls ? MqttSslProtocols.TLSv1_2 : MqttSslProtocols.None);
            }
            catch (Exception)
            {
                return null;
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

        /// <summary>Closes the current client, if any, without raising ConnectionClosed (the caller chose to close it).</summary>
        private void Release()
        {
            MqttClient? current = client;
            client = null;
            if (current == null)
            {
                return;
            }
            try
            {
                Detach(current);
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
            try
            {
                Detach(candidate);
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
