using System.Collections;
using Phytrace.Nano.Formats;

namespace Phytrace.Nano.Configuration
{
    /// <summary>
    /// Everything a node needs, in one object users edit or take from a board preset: identity,
    /// storage, SD wiring, Wi-Fi, MQTT, retry, breaker and batch settings. <see cref="Validate()"/>
    /// reports every bad field at once, in plain words.
    /// </summary>
    public sealed class BoardConfig
    {
        /// <summary>Pass to <see cref="Validate(long)"/> when the medium's capacity is not known.</summary>
        public const long UnknownCapacity = -1;

        private readonly ArrayList reservedPins = new ArrayList();

        /// <summary>Human name of the board and wiring, e.g. "ESP32-DevKitC + SPI microSD breakout".</summary>
        public string BoardName = string.Empty;

        public readonly IdentitySettings Identity = new IdentitySettings();
        public readonly StorageSettings Storage = new StorageSettings();
        public readonly SdCardWiring SdCard = new SdCardWiring();
        public readonly WifiSettings Wifi = new WifiSettings();
        public readonly MqttSettings Mqtt = new MqttSettings();
        public readonly RetrySettings Retry = new RetrySettings();
        public readonly BreakerSettings Breaker = new BreakerSettings();
        public readonly BatchSettings Batch = new BatchSettings();

        /// <summary>SNTP server that sets the wall clock; empty to run without SNTP (records stay "unsynced").</summary>
        public string SntpServer = "pool.ntp.org";

        /// <summary>How many pins are reserved for other uses.</summary>
        public int ReservedPinCount
        {
            get { return reservedPins.Count; }
        }

        /// <summary>The reserved pin at <paramref name="index"/>.</summary>
        public ReservedPin GetReservedPin(int index)
        {
            return (ReservedPin)reservedPins[index]!;
        }

        /// <summary>Declares that <paramref name="gpio"/> is used for <paramref name="role"/>, so a clash with the SD wiring is reported.</summary>
        public BoardConfig ReservePin(string role, int gpio)
        {
            reservedPins.Add(new ReservedPin(role, gpio));
            return this;
        }

        /// <summary>Every problem, without checking the size against a medium.</summary>
        public ConfigProblems Validate()
        {
            return Validate(UnknownCapacity);
        }

        /// <summary>
        /// Every problem, including a ring larger than <paramref name="mediumCapacityBytes"/> (the
        /// free space of the drive; <see cref="UnknownCapacity"/> skips that check).
        /// </summary>
        public ConfigProblems Validate(long mediumCapacityBytes)
        {
            var problems = new ConfigProblems();
            Identity.Validate(problems);
            Storage.Validate(problems);
            var pins = new PinUsage();
            SdCard.Validate(problems, pins);
            for (int i = 0; i < reservedPins.Count; i++)
            {
                ReservedPin reserved = (ReservedPin)reservedPins[i]!;
                pins.Claim(reserved.Role, reserved.Gpio, true, problems);
            }
            Wifi.Validate(problems);
            Mqtt.Validate(problems);
            Retry.Validate(problems);
            Breaker.Validate(problems);
            Batch.Validate(problems);
            ValidateAcrossSections(problems, mediumCapacityBytes);
            return problems;
        }

        private void ValidateAcrossSections(ConfigProblems problems, long mediumCapacityBytes)
        {
            if (Storage.IsOnSdCard && SdCard.Interface == SdInterface.None)
            {
                problems.Add(ConfigText.Problem("sd.interface", "None while storage.drive is " + ConfigText.Quote(Storage.Drive), "Spi or Mmc wiring for the SD card, or storage.drive \"I:\\\" (internal flash)"));
            }
            if (mediumCapacityBytes >= 0 && Storage.MaxSizeMb >= 1 && Storage.MaxSizeBytes > mediumCapacityBytes)
            {
                problems.Add(ConfigText.Problem("storage.max_size_mb", Storage.MaxSizeMb.ToString() + " (" + Storage.MaxSizeBytes.ToString() + " bytes)", "at most the medium's " + mediumCapacityBytes.ToString() + " bytes"));
            }
            if (SntpServer == null || TextChars.Contains(SntpServer, ' '))
            {
                problems.Add(ConfigText.Problem("sntp_server", ConfigText.Quote(SntpServer), "a host name, or empty to run without SNTP"));
            }
        }
    }
}
