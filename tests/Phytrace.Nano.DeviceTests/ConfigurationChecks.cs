using System;
using Phytrace.Nano.Configuration;
using Phytrace.Nano.Platform;
using Phytrace.Nano.Uplink;

namespace Phytrace.Nano.DeviceTests
{
    /// <summary>Checks of BoardConfig validation and the rules the ESP32 glue relies on, on the device's runtime.</summary>
    public static class ConfigurationChecks
    {
        public static void Run(CheckRunner r)
        {
            r.BeginSuite("Configuration");
            r.Run("ValidConfigHasNoProblem", delegate
            {
                ConfigProblems problems = Valid().Validate();
                Expect.True(problems.IsValid, "valid config: " + problems.ToString());
            });
            r.Run("RecordSizeMessage", delegate
            {
                BoardConfig config = Valid();
                config.Storage.RecordSize = 100;
                Expect.Equal("storage.record_size is 100 bytes: expected a multiple of 16 from 64 to 8192 bytes", config.Validate().ToString(), "message");
            });
            r.Run("PinClashMessage", delegate
            {
                BoardConfig config = Valid();
                config.ReservePin("app.estop_button", 5);
                Expect.Equal("app.estop_button is GPIO 5: expected a pin of its own, but sd.cs_pin already uses GPIO 5", config.Validate().ToString(), "message");
            });
            r.Run("MediumTooSmallMessage", delegate
            {
                ConfigProblems problems = Valid().Validate(1048576);
                Expect.Equal("storage.max_size_mb is 64 (67108864 bytes): expected at most the medium's 1048576 bytes", problems.ToString(), "message");
            });
            r.Run("EveryProblemAtOnce", delegate
            {
                BoardConfig config = Valid();
                config.Identity.SourceId = string.Empty;
                config.Mqtt.Port = 70000;
                config.Retry.ExponentialBase = 0.5;
                ConfigProblems problems = config.Validate();
                Expect.Equal(3, problems.Count, "problem count");
                Expect.True(problems.Contains("retry.exponential_base is 0.5"), "decimal printed exactly: " + problems.ToString());
            });
            r.Run("ConnackReturnCodesMap", delegate
            {
                Expect.True(ConnackCodes.ToReasonCode(4) == MqttReasonCode.BadUserNameOrPassword, "3.1.1 code 4");
                Expect.True(ConnackCodes.ToReasonCode(0x87) == MqttReasonCode.NotAuthorized, "5.0 code 0x87");
            });
            r.Run("BootClockIsNotPlausible", delegate
            {
                Expect.False(ClockPlausibility.IsPlausible(new DateTime(1970, 1, 1)), "1970");
                Expect.True(ClockPlausibility.IsPlausible(new DateTime(2026, 11, 27)), "2026");
            });
        }

        private static BoardConfig Valid()
        {
            var config = new BoardConfig();
            config.Identity.SourceId = "robot-7";
            config.Storage.MaxSizeMb = 64;
            config.SdCard.Interface = SdInterface.Spi;
            config.SdCard.MosiPin = 23;
            config.SdCard.MisoPin = 19;
            config.SdCard.ClockPin = 18;
            config.SdCard.ChipSelectPin = 5;
            config.Wifi.Ssid = "plant-floor";
            config.Mqtt.Host = "broker.local";
            return config;
        }
    }
}
