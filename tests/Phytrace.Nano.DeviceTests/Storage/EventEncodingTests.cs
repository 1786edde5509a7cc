using nanoFramework.TestFramework;

namespace Phytrace.Nano.DeviceTests.Storage
{
    /// <summary>
    /// On nanoCLR: Enqueue's whole-event writer (SlotFormat.EncodeEvent) writes the bytes
    /// SlotFormat.Encode writes slot by slot, tails zeroed, nothing outside the event touched.
    /// </summary>
    [TestClass]
    public class EventEncodingTests
    {
        [TestMethod]
        public void EncodeEventWritesWhatEncodeWrites()
        {
            string problem = EventEncodingCheck.Check();
            Assert.IsNull(problem, problem);
        }
    }
}
