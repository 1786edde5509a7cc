using Phytrace.Nano.Boards;
using Phytrace.Nano.Configuration;
using Phytrace.Nano.DeviceTests.Golden;
using Phytrace.Nano.Events;
using Phytrace.Nano.Formats;

namespace Phytrace.Nano.DeviceTests.Configuration
{
    /// <summary>
    /// The board presets (boards/Phytrace.Nano.Boards, the real ones) on each runtime: every
    /// setting a preset makes, written out, and its validation as made, against a 128 MB and a
    /// 1 GB card, with an application pin clashing with each SD line and with a board pin, on
    /// internal flash, on an open network. Compiled into the device tests and, by
    /// tools/Phytrace.Nano.DeviceGolden, on .NET.
    /// </summary>
    public sealed class BoardPresetSet : IGoldenSet
    {
        public const int Presets = 4;
        public const int Variants = 9;

        public string Name
        {
            get { return "presets"; }
        }

        public int Count
        {
            get { return Presets * Variants; }
        }

        /// <summary>Preset <paramref name="preset"/> as a user makes it, with the password given.</summary>
        public static BoardConfig Make(int preset, string password)
        {
            switch (preset)
            {
                case 0: return Esp32DevKitCSpiSd.Create("robot-7", "plant-floor", password, "broker.local");
                case 1: return Esp32S3DevKitC1.Create("robot-7", "plant-floor", password, "broker.local");
                case 2: return M5StackCore2.Create("robot-7", "plant-floor", password, "broker.local");
                default: return LilyGoT8.Create("robot-7", "plant-floor", password, "broker.local");
            }
        }

        /// <summary>Item <paramref name="index"/>'s configuration and the medium capacity it is validated against.</summary>
        public BoardConfig Input(int index, out long capacity)
        {
            int variant = index % Variants;
            BoardConfig c = Make(index / Variants, variant == 7 ? string.Empty : "correct horse");
            capacity = BoardConfig.UnknownCapacity;
            switch (variant)
            {
                case 1: capacity = 128L * 1024 * 1024; break;
                case 2: capacity = 1024L * 1024 * 1024; break;
                case 3: c.ReservePin("app.estop_button", c.SdCard.ChipSelectPin); break;
                case 4: c.ReservePin("app.estop_button", c.SdCard.MosiPin); break;
                case 5: c.ReservePin("app.led", c.GetReservedPin(0).Gpio); break;
                case 6:
                    c.Storage.Drive = StorageSettings.InternalFlashDrive;
                    c.Storage.FilePath = "I:\\phytrace\\events.ring";
                    c.Storage.MaxSizeMb = 1;
                    break;
                case 8: c.SdCard.ClockPin = c.SdCard.MisoPin; break;
                default: break;
            }
            return c;
        }

        public int Produce(int index, byte[] output)
        {
            long capacity;
            BoardConfig c = Input(index, out capacity);
            ConfigProblems problems = c.Validate(capacity);
            var w = new JsonWriter();
            w.Reset(output, 0, output.Length);
            w.WriteStartObject();
            w.WriteString("board", c.BoardName);
            w.WriteString("source_id", c.Identity.SourceId);
            w.WriteString("source_type", c.Identity.SourceType);
            w.WriteString("fleet", c.Identity.Fleet);
            w.WriteString("drive", c.Storage.Drive);
            w.WriteString("file_path", c.Storage.FilePath);
            w.WriteNumber("max_size_mb", c.Storage.MaxSizeMb);
            w.WriteNumber("max_age_hours", c.Storage.MaxAgeHours);
            w.WriteNumber("record_size", c.Storage.RecordSize);
            w.WriteNumber("sync_every_records", c.Storage.SyncEveryRecords);
            w.WriteNumber("sync_interval_ms", c.Storage.SyncIntervalMs);
            w.WriteString("overflow_policy", c.Storage.OverflowPolicy);
            w.WriteNumber("checkpoint_every_records", c.Storage.CheckpointEveryRecords);
            w.WriteNumber("sector_size_bytes", c.Storage.SectorSizeBytes);
            w.WriteNumber("sd_interface", (int)c.SdCard.Interface);
            w.WriteNumber("spi_bus", c.SdCard.SpiBus);
            w.WriteNumber("mosi", c.SdCard.MosiPin);
            w.WriteNumber("miso", c.SdCard.MisoPin);
            w.WriteNumber("clock", c.SdCard.ClockPin);
            w.WriteNumber("cs", c.SdCard.ChipSelectPin);
            w.WriteNumber("mmc_width", c.SdCard.MmcWidth);
            w.WriteNumber("card_detect", c.SdCard.CardDetectPin);
            w.WriteBool("card_detect_active_high", c.SdCard.CardDetectActiveHigh);
            w.WriteString("ssid", c.Wifi.Ssid);
            w.WriteNumber("wifi_password_length", c.Wifi.Password.Length);
            w.WriteString("mqtt_host", c.Mqtt.Host);
            w.WriteNumber("mqtt_port", c.Mqtt.Port);
            w.WriteBool("mqtt_tls", c.Mqtt.UseTls);
            w.WriteString("client_id", c.Mqtt.ClientId);
            w.WriteNumber("keep_alive_seconds", c.Mqtt.KeepAliveSeconds);
            w.WriteNumber("puback_timeout_ms", c.Mqtt.PubAckTimeoutMs);
            w.WriteNumber("max_retries", c.Retry.MaxRetries);
            w.WriteNumber("initial_delay_ms", c.Retry.InitialDelayMs);
            w.WriteNumber("max_delay_ms", c.Retry.MaxDelayMs);
            w.WriteNumber("exponential_base", c.Retry.ExponentialBase);
            w.WriteBool("jitter", c.Retry.Jitter);
            w.WriteNumber("failure_threshold", c.Breaker.FailureThreshold);
            w.WriteNumber("recovery_timeout_sec", c.Breaker.RecoveryTimeoutSec);
            w.WriteNumber("half_open_requests", c.Breaker.HalfOpenRequests);
            w.WriteNumber("max_batch_size", c.Batch.MaxBatchSize);
            w.WriteNumber("max_batch_age_ms", c.Batch.MaxBatchAgeMs);
            w.WriteString("compression", c.Batch.Compression);
            w.WriteNumber("compression_level", c.Batch.CompressionLevel);
            w.WriteString("sntp_server", c.SntpServer);
            w.WriteStartArray("reserved_pins");
            for (int i = 0; i < c.ReservedPinCount; i++)
            {
                w.WriteStartObject();
                w.WriteString("role", c.GetReservedPin(i).Role);
                w.WriteNumber("gpio", c.GetReservedPin(i).Gpio);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteNumber("problem_count", problems.Count);
            w.WriteString("problems", problems.ToString());
            w.WriteEndObject();
            return w.Length;
        }

        public string Describe(int index)
        {
            string[] variants = { "as made", "on a 128 MB card", "on a 1 GB card", "app pin on the SD CS line", "app pin on the SD MOSI line", "app pin on a board pin", "on internal flash", "open network", "SD clock on the MISO pin" };
            string[] presets = { "Esp32DevKitCSpiSd", "Esp32S3DevKitC1", "M5StackCore2", "LilyGoT8" };
            return "preset " + presets[index / Variants] + " " + variants[index % Variants];
        }
    }
}
