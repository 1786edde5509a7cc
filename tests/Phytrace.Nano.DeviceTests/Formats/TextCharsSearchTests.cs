using nanoFramework.TestFramework;
using Phytrace.Nano.Formats;

namespace Phytrace.Nano.DeviceTests.Formats
{
    /// <summary>
    /// TextChars.IndexOf and Contains on the device: the same answers as .NET's ordinal search,
    /// also after characters outside the BMP, where nanoCLR's own String.IndexOf finds nothing
    /// (docs/device-differences.md). Expected indexes count UTF-16 units, as .NET does.
    /// </summary>
    [TestClass]
    public class TextCharsSearchTests
    {
        [TestMethod]
        [DataRow(0, 4)]   // "ab" + U+1F600 + "cd", "cd"
        [DataRow(1, 0)]   // "ab" + U+1F600 + "cd", "ab"
        [DataRow(2, -1)]  // "ab" + U+1F600 + "cd", "dc"
        [DataRow(3, 6)]   // two pairs before "x/"
        [DataRow(4, 10)]  // a start index past the first two matches
        [DataRow(5, 3)]   // ASCII only: String.IndexOf's own path
        [DataRow(6, -1)]  // longer than the text
        public void FindsWhatDotNetFinds(int item, int expected)
        {
            string text;
            string value;
            int start = 0;
            switch (item)
            {
                case 0: text = "ab\uD83D\uDE00cd"; value = "cd"; break;
                case 1: text = "ab\uD83D\uDE00cd"; value = "ab"; break;
                case 2: text = "ab\uD83D\uDE00cd"; value = "dc"; break;
                case 3: text = "r\uD83E\uDD16o\uD83D\uDCE1x/y"; value = "x/"; break;
                case 4: text = "x/\uD83D\uDE00x/\uD83D\uDE00..x/.x/"; value = "x/"; start = 10; break;
                case 5: text = "robot-7/x"; value = "ot-"; break;
                default: text = "\uD83D\uDE00"; value = "\uD83D\uDE00\uD83D\uDE00"; break;
            }
            Assert.AreEqual(expected, TextChars.IndexOf(text, value, start), "item " + item.ToString());
        }

        [TestMethod]
        [DataRow(0x2F, true)]  // '/'
        [DataRow(0x20, true)]  // ' '
        [DataRow(0x23, false)] // '#'
        public void ContainsSeesCharactersAfterPairs(int code, bool expected)
        {
            char c = (char)code;
            Assert.AreEqual(expected, TextChars.Contains("robot\uD83E\uDD16/7 \uD83D\uDCE1", c), "contains '" + c.ToString() + "'");
        }
    }
}
