using nanoFramework.TestFramework;
using Phytrace.Nano.Configuration;
using Phytrace.Nano.DeviceTests.Golden;
using Phytrace.Nano.DeviceTests.Helpers;

namespace Phytrace.Nano.DeviceTests.Configuration
{
    /// <summary>
    /// Every BoardConfig validation message on the device, one data row per rule broken
    /// (<see cref="BoardConfigSet"/>): the same problems and the same words as the .NET build,
    /// which checked each names its field; and on the device too, that the field is named.
    /// </summary>
    [TestClass]
    public class BoardConfigGoldenTests
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
        [DataRow(60)]
        [DataRow(61)]
        [DataRow(62)]
        [DataRow(63)]
        [DataRow(64)]
        [DataRow(65)]
        [DataRow(66)]
        [DataRow(67)]
        [DataRow(68)]
        [DataRow(69)]
        [DataRow(70)]
        [DataRow(71)]
        [DataRow(72)]
        [DataRow(73)]
        [DataRow(74)]
        [DataRow(75)]
        [DataRow(76)]
        [DataRow(77)]
        [DataRow(78)]
        [DataRow(79)]
        [DataRow(80)]
        [DataRow(81)]
        [DataRow(82)]
        [DataRow(83)]
        [DataRow(84)]
        [DataRow(85)]
        [DataRow(86)]
        [DataRow(87)]
        [DataRow(88)]
        [DataRow(89)]
        [DataRow(90)]
        [DataRow(91)]
        [DataRow(92)]
        [DataRow(93)]
        [DataRow(94)]
        [DataRow(95)]
        [DataRow(96)]
        [DataRow(97)]
        [DataRow(98)]
        [DataRow(99)]
        [DataRow(100)]
        [DataRow(101)]
        [DataRow(102)]
        [DataRow(103)]
        [DataRow(104)]
        [DataRow(105)]
        [DataRow(106)]
        [DataRow(107)]
        [DataRow(108)]
        [DataRow(109)]
        [DataRow(110)]
        [DataRow(111)]
        [DataRow(112)]
        [DataRow(113)]
        public void SameMessagesAsDotNet(int item)
        {
            var set = new BoardConfigSet();
            Assert.AreEqual(set.Count, BoardConfigGolden.Crc32.Length, "config: the golden data does not match the set; regenerate it: dotnet run --project tools/Phytrace.Nano.DeviceGolden");
            GoldenAssert.Item(set, BoardConfigGolden.Crc32[item], item);
            long capacity;
            string field;
            ConfigProblems problems = set.Input(item, out capacity, out field).Validate(capacity);
            if (field.Length == 0)
            {
                Assert.IsTrue(problems.IsValid, set.Describe(item) + ": valid on the device, got " + problems.ToString());
            }
            else
            {
                Assert.IsTrue(problems.Contains(field + " is "), set.Describe(item) + ": a message names " + field + ", got " + problems.ToString());
            }
        }
    }
}
