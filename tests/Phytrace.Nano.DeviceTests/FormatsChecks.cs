using Phytrace.Nano.Formats;

namespace Phytrace.Nano.DeviceTests
{
    /// <summary>Checks of CRC-32, ISO-8601 timestamps and UUID text on the device's runtime.</summary>
    public static class FormatsChecks
    {
        public static void Run(CheckRunner r)
        {
            r.BeginSuite("Formats");
            r.Run("Crc32CheckValue", delegate
            {
                byte[] data = new byte[] { (byte)'1', (byte)'2', (byte)'3', (byte)'4', (byte)'5', (byte)'6', (byte)'7', (byte)'8', (byte)'9' };
                Expect.True(Crc32.Compute(data, 0, data.Length) == 0xCBF43926u, "CRC-32 of \"123456789\" is CBF43926");
            });
            r.Run("Iso8601KnownInstant", delegate
            {
                // 2026-11-27T15:04:05.123456Z is 1795791845 s and 123456 us after the epoch.
                Expect.Equal("2026-11-27T15:04:05.123456Z", Iso8601Utc.ToString((1795791845L * 1000000L) + 123456L), "timestamp text");
            });
            r.Run("Iso8601Epoch", delegate
            {
                Expect.Equal("1970-01-01T00:00:00.000000Z", Iso8601Utc.ToString(0), "epoch");
            });
            r.Run("Iso8601BeforeEpoch", delegate
            {
                Expect.Equal("1969-12-31T23:59:59.999999Z", Iso8601Utc.ToString(-1), "one microsecond before the epoch");
            });
            r.Run("UuidTextRoundTrip", delegate
            {
                var uuid = new byte[16];
                for (int i = 0; i < 16; i++)
                {
                    uuid[i] = (byte)(i * 17);
                }
                string text = UuidText.ToString(uuid, 0);
                Expect.Equal("00112233-4455-6677-8899-aabbccddeeff", text, "uuid text");
                var back = new byte[16];
                Expect.True(UuidText.TryParse(text, back, 0), "parse back");
                Expect.BytesEqual(uuid, 0, back, 0, 16, "round trip");
            });
        }
    }
}
