using nanoFramework.TestFramework;

namespace Phytrace.Nano.DeviceTests.Storage
{
    /// <summary>
    /// On nanoCLR: the read path's byte-level check of a record's later slots
    /// (SlotHeader.IsContinuation) says exactly what decoding the slot and comparing its fields
    /// says, on every flipped header bit (CRC resealed) and every wrong expectation.
    /// </summary>
    [TestClass]
    public class ContinuationCheckTests
    {
        [TestMethod]
        public void ByteLevelContinuationCheckAgreesWithDecoding()
        {
            int cases;
            string problem = ContinuationAgreement.Check(out cases);
            Assert.IsNull(problem, problem);
            Assert.IsTrue(cases > 8000, "cases compared: " + cases.ToString());
        }
    }
}
