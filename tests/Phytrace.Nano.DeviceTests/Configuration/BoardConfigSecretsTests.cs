using nanoFramework.TestFramework;
using Phytrace.Nano.Configuration;

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
            Assert.IsTrue(text.IndexOf(WifiSecret) < 0, "Wi-Fi password printed: " + text);
            Assert.IsTrue(text.IndexOf(MqttSecret) < 0, "MQTT password printed");
            Assert.IsTrue(text.IndexOf("wifi: ssid \"plant-floor\", password set") >= 0, "Wi-Fi line: " + text);
            Assert.IsTrue(text.IndexOf("encryption key set") >= 0, "encryption key line: " + text);
            Assert.IsTrue(text.IndexOf("A5A5") < 0 && text.IndexOf("a5a5") < 0 && text.IndexOf("165, 165") < 0, "key bytes printed");
        }

        [TestMethod]
        public void KeyProblemsNameTheFieldNotTheValue()
        {
            BoardConfig config = WithSecrets();
            config.Storage.EncryptionKey = new byte[] { 0xA5, 0xA5, 0xA5 };
            config.Mqtt.ClientKeyPem = MqttSecret;
            config.Wifi.Password = "S3ntin";
            string problems = config.Validate().ToString();
            Assert.IsTrue(problems.IndexOf("storage.encryption_key is 3 bytes long (value not shown)") >= 0, problems);
            Assert.IsTrue(problems.IndexOf("mqtt.client_key_pem is not a PEM private key") >= 0, problems);
            Assert.IsTrue(problems.IndexOf("wifi.password is 6 characters long") >= 0, problems);
            Assert.IsTrue(problems.IndexOf(MqttSecret) < 0 && problems.IndexOf("S3ntin\"") < 0 && problems.IndexOf("165") < 0, "a secret in: " + problems);
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
