using nanoFramework.TestFramework;
using Phytrace.Nano.DeviceTests.Golden;
using Phytrace.Nano.DeviceTests.Helpers;

namespace Phytrace.Nano.DeviceTests.Compression
{
    /// <summary>
    /// gzip on the device, checked twice per item of <see cref="GzipSet"/> (every level, five kinds
    /// of input up to 66,000 bytes, non-default memory sizes): the member is byte for byte what the
    /// .NET build produced (which .NET's GZipStream inflated to the input), and this test's own
    /// <see cref="Inflater"/> inflates the device's member back to the input.
    /// </summary>
    [TestClass]
    public class GzipGoldenTests
    {
        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        [DataRow(2)]
        [DataRow(3)]
        [DataRow(4)]
        [DataRow(5)]
        [DataRow(6)]
        [DataRow(7)]
        [DataRow(8)]
        [DataRow(9)]
        [DataRow(10)]
        [DataRow(11)]
        [DataRow(12)]
        [DataRow(13)]
        [DataRow(14)]
        [DataRow(15)]
        [DataRow(16)]
        [DataRow(17)]
        [DataRow(18)]
        [DataRow(19)]
        [DataRow(20)]
        [DataRow(21)]
        [DataRow(22)]
        [DataRow(23)]
        [DataRow(24)]
        [DataRow(25)]
        [DataRow(26)]
        [DataRow(27)]
        [DataRow(28)]
        [DataRow(29)]
        [DataRow(30)]
        [DataRow(31)]
        [DataRow(32)]
        [DataRow(33)]
        [DataRow(34)]
        [DataRow(35)]
        [DataRow(36)]
        [DataRow(37)]
        [DataRow(38)]
        [DataRow(39)]
        [DataRow(40)]
        [DataRow(41)]
        [DataRow(42)]
        [DataRow(43)]
        [DataRow(44)]
        [DataRow(45)]
        [DataRow(46)]
        [DataRow(47)]
        [DataRow(48)]
        [DataRow(49)]
        [DataRow(50)]
        [DataRow(51)]
        [DataRow(52)]
        [DataRow(53)]
        [DataRow(54)]
        [DataRow(55)]
        [DataRow(56)]
        [DataRow(57)]
        [DataRow(58)]
        [DataRow(59)]
        public void SameMemberAsDotNetAndInflatesToTheInput(int item)
        {
            var set = new GzipSet();
            Assert.AreEqual(set.Count, GzipGolden.Crc32.Length, "gzip: the golden data does not match the set; regenerate it: dotnet run --project tools/Phytrace.Nano.DeviceGolden");
            int size = GoldenAssert.Item(set, GzipGolden.Crc32[item], item);
            var input = new byte[GzipSet.MaxInput];
            int length = set.Input(item, input);
            var inflated = new byte[GzipSet.MaxInput];
            int back = new Inflater().Gunzip(GoldenAssert.LastOutput, 0, size, inflated);
            Assert.AreEqual(length, back, set.Describe(item) + ": inflated length");
            BytesAssert.AreEqual(input, 0, inflated, 0, length, set.Describe(item) + ": inflated bytes");
        }
    }
}
