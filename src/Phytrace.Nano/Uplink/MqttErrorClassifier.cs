using Phytrace.Nano.Reliability;

namespace Phytrace.Nano.Uplink
{
    /// <summary>Maps MQTT outcomes onto the reliability layer's <see cref="ErrorType"/>.</summary>
    public static class MqttErrorClassifier
    {
        /// <summary>The ErrorType of a refused or failed connect.</summary>
        public static ErrorType FromConnect(MqttReasonCode code)
        {
            switch (code)
            {
                case MqttReasonCode.Success:
                    return ErrorType.None;
                case MqttReasonCode.NetworkUnreachable:
                    return ErrorType.NetworkError;
                case MqttReasonCode.TlsHandshakeFailed:
                    return ErrorType.TlsFailure;
                case MqttReasonCode.BadUserNameOrPassword:
                case MqttReasonCode.NotAuthorized:
                case MqttReasonCode.Banned:
                case MqttReasonCode.BadAuthenticationMethod:
                    return ErrorType.AuthFailure;
                case MqttReasonCode.ServerUnavailable:
                case MqttReasonCode.ServerBusy:
                case MqttReasonCode.UnspecifiedError:
                case MqttReasonCode.ImplementationSpecificError:
                    return ErrorType.ServerError;
                case MqttReasonCode.QuotaExceeded:
                case MqttReasonCode.ConnectionRateExceeded:
                    return ErrorType.RateLimited;
                case MqttReasonCode.PacketTooLarge:
                    return ErrorType.PayloadTooLarge;
                case MqttReasonCode.MalformedPacket:
                case MqttReasonCode.ProtocolError:
                case MqttReasonCode.UnsupportedProtocolVersion:
                case MqttReasonCode.ClientIdentifierNotValid:
                    return ErrorType.InvalidData;
                default:
                    return ErrorType.Unknown;
            }
        }

        /// <summary>The ErrorType of a publish that was not acknowledged.</summary>
        public static ErrorType FromPublish(PublishOutcome outcome)
        {
            switch (outcome)
            {
                case PublishOutcome.Acknowledged:
                    return ErrorType.None;
                case PublishOutcome.TimedOut:
                    return ErrorType.Timeout;
                default:
                    return ErrorType.NetworkError;
            }
        }

        /// <summary>Words for a connect result, for logs and status (Enum.ToString prints numbers on the device).</summary>
        public static string Describe(MqttReasonCode code)
        {
            switch (code)
            {
                case MqttReasonCode.Success: return "connected";
                case MqttReasonCode.NetworkUnreachable: return "broker unreachable (DNS or TCP failed)";
                case MqttReasonCode.TlsHandshakeFailed: return "TLS handshake with the broker failed";
                case MqttReasonCode.BadUserNameOrPassword: return "broker refused the user name or password";
                case MqttReasonCode.NotAuthorized: return "broker says not authorized";
                case MqttReasonCode.Banned: return "broker has banned this client";
                case MqttReasonCode.ServerUnavailable: return "broker unavailable";
                case MqttReasonCode.ServerBusy: return "broker busy";
                case MqttReasonCode.QuotaExceeded: return "broker quota exceeded";
                case MqttReasonCode.ConnectionRateExceeded: return "connecting too often";
                case MqttReasonCode.ClientIdentifierNotValid: return "client id refused";
                case MqttReasonCode.UnsupportedProtocolVersion: return "broker does not speak MQTT 5";
                case MqttReasonCode.PacketTooLarge: return "packet too large";
                default: return "connect refused (reason code " + ((int)code).ToString() + ")";
            }
        }
    }
}
