using nanoFramework.TestFramework;
using Phytrace.Nano.DeviceTests.Golden;
using Phytrace.Nano.DeviceTests.Helpers;

namespace Phytrace.Nano.DeviceTests.Configuration
{
    /// <summary>
    /// The real board presets on the device (<see cref="BoardPresetSet"/>): each preset's every
    /// setting and its validation in nine situations, the same as on the .NET build (which checked
    /// that the presets are valid as made and that each clash or short card is reported).
    /// </summary>
    [TestClass]
    public class BoardPresetGoldenTests
    {
        [TestMethod]
        [DataRow(0)]
        [DataRow(1)]
        [DataRow(2)]
        [DataRow(3)]
        public void SameSettingsAndProblemsAsDotNet(int preset)
        {
            var set = new BoardPresetSet();
            Assert.AreEqual(set.Count, BoardPresetGolden.Crc32.Length, "presets: the golden data does not match the set; regenerate it: dotnet run --project tools/Phytrace.Nano.DeviceGolden");
            for (int variant = 0; variant < BoardPresetSet.Variants; variant++)
            {
                int item = (preset * BoardPresetSet.Variants) + variant;
                GoldenAssert.Item(set, BoardPresetGolden.Crc32[item], item);
            }
            Assert.IsTrue(BoardPresetSet.Make(preset, "correct horse").Validate().IsValid, set.Describe(preset * BoardPresetSet.Variants) + ": valid on the device");
        }
    }
}
