using nanoFramework.TestFramework;
using Phytrace.Nano.Configuration;
using Phytrace.Nano.Formats;

namespace Phytrace.Nano.DeviceTests.Configuration
{
    /// <summary>
    /// On the device's runtime: BoardConfig.ToString and the validation messages show the Wi-Fi
    /// and MQTT passwords, the client key and the encryption key only as "set", never their text.
    /// </summary>
    [TestClass]
    public class BoardConfigSecretsTests
    {
        private const string WifiSecret = "Wifi-S3ntinel-Pass";
        private const string MqttSecret = "Mqtt-S3ntinel-Pass";

        [TestMethod]
        public void ToStringShowsSecretsOnlyAsSet()
        {
            BoardConfig config = WithSecrets();
            string text = config.ToString();
            Assert.IsTrue(TextChars.IndexOf(text, WifiSecret) < 0, "Wi-Fi password printed: " + text);
            Assert.IsTrue(TextChars.IndexOf(text, MqttSecret) < 0, "MQTT password printed");
            Assert.IsTrue(TextChars.IndexOf(text, "wifi: ssid \"plant-floor\", password set") >= 0, "Wi-Fi line: " + text);
            Assert.IsTrue(TextChars.IndexOf(text, "encryption key set") >= 0, "encryption key line: " + text);
            Assert.IsTrue(TextChars.IndexOf(text, "A5A5") < 0 && TextChars.IndexOf(text, "a5a5") < 0 && TextChars.IndexOf(text, "165, 165") < 0, "key bytes printed");
        }

        [TestMethod]
        public void KeyProblemsNameTheFieldNotTheValue()
        {
            BoardConfig config = WithSecrets();
            config.Storage.EncryptionKey = new byte[] { 0xA5, 0xA5, 0xA5 };
            config.Mqtt.ClientKeyPem = MqttSecret;
            config.Wifi.Password = "S3ntin";
            string problems = config.Validate().ToString();
            Assert.IsTrue(TextChars.IndexOf(problems, "storage.encryption_key is 3 bytes long (value not shown)") >= 0, problems);
            Assert.IsTrue(TextChars.IndexOf(problems, "mqtt.client_key_pem is not a PEM private key") >= 0, problems);
            Assert.IsTrue(TextChars.IndexOf(problems, "wifi.password is 6 characters long") >= 0, problems);
            Assert.IsTrue(TextChars.IndexOf(problems, MqttSecret) < 0 && TextChars.IndexOf(problems, "S3ntin\"") < 0 && TextChars.IndexOf(problems, "165") < 0, "a secret in: " + problems);
        }

        private static BoardConfig WithSecrets()
        {
            var config = new BoardConfig();
            config.Identity.SourceId = "robot-7";
            config.Storage.Drive = StorageSettings.InternalFlashDrive;
            config.Storage.FilePath = "I:\\events.ring";
            config.Storage.MaxSizeMb = 1;
            config.Storage.EncryptionKey = new byte[32];
            for (int i = 0; i < 32; i++)
            {
                config.Storage.EncryptionKey[i] = 0xA5;
            }
            config.Wifi.Ssid = "plant-floor";
            config.Wifi.Password = WifiSecret;
            config.Mqtt.Host = "broker.local";
            config.Mqtt.UserName = "robot-7";
            config.Mqtt.Password = MqttSecret;
            return config;
        }
    }
}
