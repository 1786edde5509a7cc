using nanoFramework.TestFramework;
using Phytrace.Nano.Configuration;

namespace Phytrace.Nano.DeviceTests.Configuration
{
    /// <summary>BoardConfig validation and its messages on the device's runtime.</summary>
    [TestClass]
    public class BoardConfigValidationTests
    {
        [TestMethod]
        public void ValidConfigHasNoProblem()
        {
            ConfigProblems problems = Valid().Validate();
            Assert.IsTrue(problems.IsValid, "valid config: " + problems.ToString());
        }

        [TestMethod]
        public void RecordSizeMessage()
        {
            BoardConfig config = Valid();
            config.Storage.RecordSize = 100;
            Assert.AreEqual("storage.record_size is 100 bytes: expected a multiple of 16 from 64 to 8192 bytes", config.Validate().ToString(), "message");
        }

        [TestMethod]
        public void PinClashMessage()
        {
            BoardConfig config = Valid();
            config.ReservePin("app.estop_button", 5);
            Assert.AreEqual("app.estop_button is GPIO 5: expected a pin of its own, but sd.cs_pin already uses GPIO 5", config.Validate().ToString(), "message");
        }

        [TestMethod]
        public void MediumTooSmallMessage()
        {
            ConfigProblems problems = Valid().Validate(1048576);
            Assert.AreEqual("storage.max_size_mb is 64 (67108864 bytes): expected at most the medium's 1048576 bytes", problems.ToString(), "message");
        }

        [TestMethod]
        public void EveryProblemAtOnce()
        {
            BoardConfig config = Valid();
            config.Identity.SourceId = string.Empty;
            config.Mqtt.Port = 70000;
            config.Retry.ExponentialBase = 0.5;
            ConfigProblems problems = config.Validate();
            Assert.AreEqual(3, problems.Count, "problem count: " + problems.ToString());
            Assert.IsTrue(problems.Contains("retry.exponential_base is 0.5"), "decimal printed exactly: " + problems.ToString());
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
