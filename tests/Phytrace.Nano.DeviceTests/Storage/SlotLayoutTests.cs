using nanoFramework.TestFramework;

namespace Phytrace.Nano.DeviceTests.Storage
{
    /// <summary>
    /// On nanoCLR, where LittleEndian stores the bytes inline: SlotFormat.EncodeHeader writes
    /// FORMAT.md's slot table byte for byte (fields, padding, CRC and reserved bytes, nothing else).
    /// </summary>
    [TestClass]
    public class SlotLayoutTests
    {
        [TestMethod]
        public void SlotHeaderBytesAreTheFormatTables()
        {
            string problem = SlotLayoutCheck.Check();
            Assert.IsNull(problem, problem);
        }
    }
}
