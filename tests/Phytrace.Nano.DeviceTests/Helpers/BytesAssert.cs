using nanoFramework.TestFramework;

namespace Phytrace.Nano.DeviceTests.Helpers
{
    /// <summary>Compares byte ranges and names the first index that differs.</summary>
    public static class BytesAssert
    {
        public static void AreEqual(byte[] expected, int expectedOffset, byte[] actual, int actualOffset, int count, string what)
        {
            for (int i = 0; i < count; i++)
            {
                if (expected[expectedOffset + i] != actual[actualOffset + i])
                {
                    Assert.IsTrue(false, what + ": bytes differ at index " + i.ToString());
                }
            }
        }
    }
}
