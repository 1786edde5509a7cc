namespace Phytrace.Nano.Configuration
{
    /// <summary>
    /// <see cref="BoardConfig.ToString"/>: every setting on a line per section, for a device's boot
    /// log or a support ticket. The one place a configuration is printed, so the one place that
    /// decides what is secret: the Wi-Fi and MQTT passwords, the client key and the encryption key
    /// appear only as "set" or "none", never their text, length or bytes.
    /// </summary>
    internal static class BoardConfigText
    {
        public static string Describe(BoardConfig c)
        {
            StorageSettings s = c.Storage;
            SdCardWiring sd = c.SdCard;
            MqttSettings m = c.Mqtt;
            string text = "board " + ConfigText.Quote(c.BoardName)
                + "\nidentity: source_id " + ConfigText.Quote(c.Identity.SourceId) + ", source_type " + ConfigText.Quote(c.Identity.SourceType) + ", fleet " + ConfigText.Quote(c.Identity.Fleet)
                + "\nstorage: " + ConfigText.Quote(s.FilePath) + " on " + ConfigText.Quote(s.Drive) + ", " + s.MaxSizeMb.ToString() + " MB of " + s.RecordSize.ToString()
                + "-byte records, sync every " + s.SyncEveryRecords.ToString() + " records or " + s.SyncIntervalMs.ToString() + " ms, overflow " + ConfigText.Quote(s.OverflowPolicy)
                + ", max age " + s.MaxAgeHours.ToString() + " h, encryption key " + Secret(s.EncryptionKey != null)
                + "\nsd: " + DescribeSd(sd)
                + "\nwifi: ssid " + ConfigText.Quote(c.Wifi.Ssid) + ", password " + Secret(IsSet(c.Wifi.Password))
                + "\nmqtt: " + (m.UseTls ? "mqtts://" : "mqtt://") + m.Host + ":" + m.Port.ToString()
                + (m.UseTls ? ", TLS " + m.TlsVersion + ", CA certificate " + Secret(IsSet(m.CaCertificatePem)) + ", client certificate " + Secret(IsSet(m.ClientCertificatePem)) + ", client key " + Secret(IsSet(m.ClientKeyPem)) : string.Empty)
                + ", client_id " + ConfigText.Quote(m.ClientId) + ", user " + ConfigText.Quote(m.UserName) + ", password " + Secret(IsSet(m.Password))
                + ", keep-alive " + m.KeepAliveSeconds.ToString() + " s, PUBACK timeout " + m.PubAckTimeoutMs.ToString() + " ms"
                + "\nretry: " + c.Retry.MaxRetries.ToString() + " retries, " + c.Retry.InitialDelayMs.ToString() + " to " + c.Retry.MaxDelayMs.ToString()
                + " ms, base " + ConfigText.Decimal(c.Retry.ExponentialBase) + ", jitter " + (c.Retry.Jitter ? "on" : "off")
                + "\nbreaker: opens after " + c.Breaker.FailureThreshold.ToString() + " failures for " + ConfigText.Decimal(c.Breaker.RecoveryTimeoutSec) + " s, " + c.Breaker.HalfOpenRequests.ToString() + " half-open requests"
                + "\nbatch: " + c.Batch.MaxBatchSize.ToString() + " events or " + c.Batch.MaxBatchAgeMs.ToString() + " ms, " + ConfigText.Quote(c.Batch.Compression) + " level " + c.Batch.CompressionLevel.ToString()
                + "\nsntp: " + ConfigText.Quote(c.SntpServer);
            for (int i = 0; i < c.ReservedPinCount; i++)
            {
                ReservedPin pin = c.GetReservedPin(i);
                text = text + (i == 0 ? "\nreserved pins: " : ", ") + pin.Role + " GPIO " + pin.Gpio.ToString();
            }
            return text;
        }

        private static string DescribeSd(SdCardWiring sd)
        {
            string detect = sd.HasCardDetect ? ", card detect GPIO " + sd.CardDetectPin.ToString() + (sd.CardDetectActiveHigh ? " (high = inserted)" : " (low = inserted)") : ", no card detect";
            switch (sd.Interface)
            {
                case SdInterface.None:
                    return "none";
                case SdInterface.Spi:
                    return "SPI bus " + sd.SpiBus.ToString() + ", MOSI " + Pin(sd.MosiPin) + ", MISO " + Pin(sd.MisoPin) + ", clock " + Pin(sd.ClockPin) + ", CS " + Pin(sd.ChipSelectPin) + detect;
                case SdInterface.Mmc:
                    return "SDMMC " + sd.MmcWidth.ToString() + "-bit" + detect;
                default:
                    return "interface " + ((int)sd.Interface).ToString();
            }
        }

        private static string Pin(int gpio)
        {
            return gpio == SdCardWiring.NoPin ? "not set" : "GPIO " + gpio.ToString();
        }

        private static bool IsSet(string? value)
        {
            return value != null && value.Length > 0;
        }

        private static string Secret(bool isSet)
        {
            return isSet ? "set" : "none";
        }
    }
}
