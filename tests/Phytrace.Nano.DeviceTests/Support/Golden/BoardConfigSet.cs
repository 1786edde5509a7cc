using Phytrace.Nano.Configuration;
using Phytrace.Nano.Events;
using Phytrace.Nano.Formats;

namespace Phytrace.Nano.DeviceTests.Golden
{
    /// <summary>
    /// BoardConfig validation messages (BoardConfig.Validate): a valid configuration made through
    /// the public API, then one change per item that breaks one rule of each section (every
    /// message and its value formats: quoted strings, lengths, decimals, pins and clashes, the
    /// checks across sections, the medium's capacity; characters outside the BMP before the
    /// character a rule looks for), then a few changes at once. The output is
    /// the problem count and every message, one per line.
    /// </summary>
    public sealed class BoardConfigSet : IGoldenSet
    {
        /// <summary>Items: the valid configuration, single changes of every rule, a few changes at once.</summary>
        public const int Items = 114;

        public string Name
        {
            get { return "config"; }
        }

        public int Count
        {
            get { return Items; }
        }

        /// <summary>The valid configuration every item starts from: SPI SD card, Wi-Fi, broker.</summary>
        public static BoardConfig Valid()
        {
            var config = new BoardConfig();
            config.BoardName = "test board";
            config.Identity.SourceId = "robot-7";
            config.Storage.MaxSizeMb = 64;
            config.SdCard.Interface = SdInterface.Spi;
            config.SdCard.MosiPin = 23;
            config.SdCard.MisoPin = 19;
            config.SdCard.ClockPin = 18;
            config.SdCard.ChipSelectPin = 5;
            config.Wifi.Ssid = "plant-floor";
            config.Wifi.Password = "correct horse";
            config.Mqtt.Host = "broker.local";
            return config;
        }

        /// <summary>
        /// Item <paramref name="index"/>'s configuration, the medium capacity it is validated against
        /// and the field its first message must name (empty when it is valid).
        /// </summary>
        public BoardConfig Input(int index, out long capacity, out string field)
        {
            BoardConfig c = Valid();
            capacity = BoardConfig.UnknownCapacity;
            field = string.Empty;
            switch (index)
            {
                case 0: break;
                case 1: c.Identity.SourceId = string.Empty; field = "identity.source_id"; break;
                case 2: c.Identity.SourceId = new string('r', 257); field = "identity.source_id"; break;
                case 3: c.Identity.SourceId = "plant/robot"; field = "identity.source_id"; break;
                case 4: c.Identity.SourceId = "robot+1"; field = "identity.source_id"; break;
                case 5: c.Identity.SourceId = "robot#"; field = "identity.source_id"; break;
                case 6: c.Identity.SourceType = "robot"; field = "identity.source_type"; break;
                case 7: c.Identity.SourceType = null; field = "identity.source_type"; break;
                case 8: c.Identity.Fleet = new string('f', 300); field = "identity.fleet"; break;
                case 9: c.Identity.Fleet = null; field = "identity.fleet"; break;
                case 10: c.Storage.Drive = "C:\\"; field = "storage.drive"; break;
                case 11: c.Storage.FilePath = "I:\\phytrace\\events.ring"; field = "storage.file_path"; break;
                case 12: c.Storage.FilePath = "D:\\"; field = "storage.file_path"; break;
                case 13: c.Storage.FilePath = null; field = "storage.file_path"; break;
                case 14: c.Storage.MaxSizeMb = 0; field = "storage.max_size_mb"; break;
                case 15: c.Storage.MaxSizeMb = 65537; field = "storage.max_size_mb"; break;
                case 16: c.Storage.MaxAgeHours = 0; field = "storage.max_age_hours"; break;
                case 17: c.Storage.MaxAgeHours = 87601; field = "storage.max_age_hours"; break;
                case 18: c.Storage.RecordSize = 100; field = "storage.record_size"; break;
                case 19: c.Storage.RecordSize = 48; field = "storage.record_size"; break;
                case 20: c.Storage.RecordSize = 8208; field = "storage.record_size"; break;
                case 21: c.Storage.SyncEveryRecords = 0; field = "storage.sync_every_records"; break;
                case 22: c.Storage.SyncEveryRecords = 4097; field = "storage.sync_every_records"; break;
                case 23: c.Storage.SyncIntervalMs = -1; field = "storage.sync_interval_ms"; break;
                case 24: c.Storage.SyncIntervalMs = 600001; field = "storage.sync_interval_ms"; break;
                case 25: c.Storage.OverflowPolicy = "drop"; field = "storage.overflow_policy"; break;
                case 26: c.SdCard.SpiBus = 3; field = "sd.spi_bus"; break;
                case 27: c.SdCard.MosiPin = SdCardWiring.NoPin; field = "sd.mosi_pin"; break;
                case 28: c.SdCard.MisoPin = 49; field = "sd.miso_pin"; break;
                case 29: c.SdCard.ClockPin = 23; field = "sd.clock_pin"; break;
                case 30: c.SdCard.ChipSelectPin = 19; field = "sd.cs_pin"; break;
                case 31: c.SdCard.Interface = SdInterface.Mmc; c.SdCard.MmcWidth = 2; field = "sd.mmc_width"; break;
                case 32: c.SdCard.Interface = (SdInterface)7; field = "sd.interface"; break;
                case 33: c.SdCard.CardDetectPin = 60; field = "sd.card_detect_pin"; break;
                case 34: c.SdCard.CardDetectPin = 18; field = "sd.card_detect_pin"; break;
                case 35: c.SdCard.Interface = SdInterface.None; field = "sd.interface"; break;
                case 36: c.ReservePin("app.estop_button", 5); field = "app.estop_button"; break;
                case 37: c.ReservePin("app.led", 2); c.ReservePin("app.relay", 2); field = "app.relay"; break;
                case 38: c.ReservePin("app.relay", -4); field = "app.relay"; break;
                case 39: c.Wifi.Ssid = string.Empty; field = "wifi.ssid"; break;
                case 40: c.Wifi.Ssid = new string('w', 33); field = "wifi.ssid"; break;
                case 41: c.Wifi.Ssid = null; field = "wifi.ssid"; break;
                case 42: c.Wifi.Password = "1234567"; field = "wifi.password"; break;
                case 43: c.Wifi.Password = new string('p', 64); field = "wifi.password"; break;
                case 44: c.Wifi.Password = null; field = "wifi.password"; break;
                case 45: c.Mqtt.Host = string.Empty; field = "mqtt.host"; break;
                case 46: c.Mqtt.Host = "mqtt://broker"; field = "mqtt.host"; break;
                case 47: c.Mqtt.Host = "broker local"; field = "mqtt.host"; break;
                case 48: c.Mqtt.Host = null; field = "mqtt.host"; break;
                case 49: c.Mqtt.Port = 0; field = "mqtt.port"; break;
                case 50: c.Mqtt.Port = 65536; field = "mqtt.port"; break;
                case 51: c.Mqtt.UseTls = true; field = "mqtt.ca_certificate_pem"; break;
                case 52: c.Mqtt.UseTls = true; c.Mqtt.CaCertificatePem = "MIIB...not pem"; field = "mqtt.ca_certificate_pem"; break;
                case 53: c.Mqtt.ClientId = new string('c', 257); field = "mqtt.client_id"; break;
                case 54: c.Mqtt.ClientId = null; field = "mqtt.client_id"; break;
                case 55: c.Mqtt.UserName = null; field = "mqtt.user_name"; break;
                case 56: c.Mqtt.Password = null; field = "mqtt.password"; break;
                case 57: c.Mqtt.Password = "secret"; field = "mqtt.user_name"; break;
                case 58: c.Mqtt.KeepAliveSeconds = -1; field = "mqtt.keep_alive_seconds"; break;
                case 59: c.Mqtt.KeepAliveSeconds = 65536; field = "mqtt.keep_alive_seconds"; break;
                case 60: c.Mqtt.PubAckTimeoutMs = 99; field = "mqtt.puback_timeout_ms"; break;
                case 61: c.Mqtt.PubAckTimeoutMs = 600001; field = "mqtt.puback_timeout_ms"; break;
                case 62: c.Retry.MaxRetries = -1; field = "retry.max_retries"; break;
                case 63: c.Retry.MaxRetries = 1001; field = "retry.max_retries"; break;
                case 64: c.Retry.InitialDelayMs = 0; c.Retry.MaxDelayMs = 0; field = "retry.initial_delay_ms"; break;
                case 65: c.Retry.InitialDelayMs = 3600001; c.Retry.MaxDelayMs = 3600001; field = "retry.initial_delay_ms"; break;
                case 66: c.Retry.MaxDelayMs = 99; field = "retry.max_delay_ms"; break;
                case 67: c.Retry.MaxDelayMs = 3600001; field = "retry.max_delay_ms"; break;
                case 68: c.Retry.ExponentialBase = 0.5; field = "retry.exponential_base"; break;
                case 69: c.Retry.ExponentialBase = double.NaN; field = "retry.exponential_base"; break;
                case 70: c.Retry.ExponentialBase = 10.0004; field = "retry.exponential_base"; break;
                case 71: c.Retry.ExponentialBase = 1e16; field = "retry.exponential_base"; break;
                case 72: c.Retry.ExponentialBase = -0.0625; field = "retry.exponential_base"; break;
                case 73: c.Breaker.FailureThreshold = 0; field = "breaker.failure_threshold"; break;
                case 74: c.Breaker.FailureThreshold = 1001; field = "breaker.failure_threshold"; break;
                case 75: c.Breaker.RecoveryTimeoutSec = 0.05; field = "breaker.recovery_timeout_sec"; break;
                case 76: c.Breaker.RecoveryTimeoutSec = double.NaN; field = "breaker.recovery_timeout_sec"; break;
                case 77: c.Breaker.RecoveryTimeoutSec = 86400.5; field = "breaker.recovery_timeout_sec"; break;
                case 78: c.Breaker.HalfOpenRequests = 0; field = "breaker.half_open_requests"; break;
                case 79: c.Breaker.HalfOpenRequests = 101; field = "breaker.half_open_requests"; break;
                case 80: c.Batch.MaxBatchSize = 0; field = "batch.max_batch_size"; break;
                case 81: c.Batch.MaxBatchSize = 1001; field = "batch.max_batch_size"; break;
                case 82: c.Batch.MaxBatchAgeMs = -1; field = "batch.max_batch_age_ms"; break;
                case 83: c.Batch.MaxBatchAgeMs = 3600001; field = "batch.max_batch_age_ms"; break;
                case 84: c.Batch.Compression = "zip"; field = "batch.compression"; break;
                case 85: c.Batch.CompressionLevel = -1; field = "batch.compression_level"; break;
                case 86: c.Batch.CompressionLevel = 10; field = "batch.compression_level"; break;
                case 87: capacity = 1048576; field = "storage.max_size_mb"; break;
                case 88: capacity = 64L * 1024 * 1024; field = ""; break;
                case 89: c.SntpServer = "pool ntp org"; field = "sntp_server"; break;
                case 90: c.SntpServer = null; field = "sntp_server"; break;
                case 91: c.SntpServer = string.Empty; c.Storage.Drive = StorageSettings.InternalFlashDrive; c.Storage.FilePath = "I:\\ring"; c.SdCard.Interface = SdInterface.None; field = ""; break;
                case 92: c.Identity.SourceId = string.Empty; c.Mqtt.Port = 70000; c.Retry.ExponentialBase = 0.5; field = "identity.source_id"; break;
                case 93: c.Storage.RecordSize = 65; c.Storage.MaxSizeMb = -1; c.Batch.Compression = null; capacity = 0; field = "storage.record_size"; break;
                case 94: c.Storage.CheckpointEveryRecords = 0; field = "storage.checkpoint_every_records"; break;
                case 95: c.Storage.CheckpointEveryRecords = 65537; field = "storage.checkpoint_every_records"; break;
                case 96: c.Storage.SectorSizeBytes = 100; field = "storage.sector_size_bytes"; break;
                case 97: c.Storage.SectorSizeBytes = 8192; field = "storage.sector_size_bytes"; break;
                case 98: c.Storage.SectorSizeBytes = 8; field = "storage.sector_size_bytes"; break;
                case 99: c.Storage.RecordSize = 80; field = "storage.sector_size_bytes"; break;
                case 100: c.Storage.RecordSize = 1024; c.Storage.SectorSizeBytes = 16; field = ""; break;
                case 101: Tls(c, "-----BEGIN CERTIFICATE-----\nMAA=\n"); field = "mqtt.ca_certificate_pem"; break;
                case 102: Tls(c, "-----BEGIN CERTIFICATE-----\nMA*=\n-----END CERTIFICATE-----\n"); field = "mqtt.ca_certificate_pem"; break;
                case 103: Tls(c, "-----BEGIN CERTIFICATE-----\n\n-----END CERTIFICATE-----"); field = "mqtt.ca_certificate_pem"; break;
                case 104: Tls(c, "-----BEGIN CERTIFICATE-----\nMAA\n-----END CERTIFICATE-----"); field = "mqtt.ca_certificate_pem"; break;
                case 105: Tls(c, "-----BEGIN CERTIFICATE-----\nAQID\n-----END CERTIFICATE-----"); field = "mqtt.ca_certificate_pem"; break;
                case 106: Tls(c, "-----BEGIN CERTIFICATE-----\r\nMAA=\r\n-----END CERTIFICATE-----\r\n"); field = ""; break;
                case 107: Tls(c, "-----BEGIN CERTIFICATE-----\nMA\uD83D\uDE00A=\n-----END CERTIFICATE-----"); field = "mqtt.ca_certificate_pem"; break;
                case 108: Tls(c, "-----BEGIN CERTIFICATE-----\n  MIIBAjCB\n-----END CERTIFICATE-----"); field = "mqtt.ca_certificate_pem"; break;
                case 109: c.Mqtt.UseTls = true; c.Mqtt.CaCertificatePem = null; field = "mqtt.ca_certificate_pem"; break;
                case 110: c.Identity.SourceId = "robot\uD83E\uDD16/7"; field = "identity.source_id"; break;
                case 111: c.Mqtt.Host = "broker\uD83D\uDCE1 local"; field = "mqtt.host"; break;
                case 112: c.SntpServer = "pool\uD83D\uDD70 ntp"; field = "sntp_server"; break;
                default: c.SdCard.MosiPin = 19; c.SdCard.ClockPin = 19; c.ReservePin("app.led", 19); field = "sd.miso_pin"; break;
            }
            return c;
        }

        private static void Tls(BoardConfig c, string pem)
        {
            c.Mqtt.UseTls = true;
            c.Mqtt.Port = 8883;
            c.Mqtt.CaCertificatePem = pem;
        }

        public int Produce(int index, byte[] output)
        {
            long capacity;
            string field;
            BoardConfig config = Input(index, out capacity, out field);
            ConfigProblems problems = config.Validate(capacity);
            var writer = new JsonWriter();
            writer.Reset(output, 0, output.Length);
            writer.WriteStartObject();
            writer.WriteNumber("count", problems.Count);
            writer.WriteBool("valid", problems.IsValid);
            writer.WriteString("messages", problems.ToString());
            writer.WriteEndObject();
            return writer.Length;
        }

        public string Describe(int index)
        {
            long capacity;
            string field;
            Input(index, out capacity, out field);
            return "config #" + index.ToString() + (field.Length == 0 ? " (valid)" : " (breaks " + field + ")");
        }
    }
}
