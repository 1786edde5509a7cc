using nanoFramework.TestFramework;
using Phytrace.Nano.Formats;

namespace Phytrace.Nano.DeviceTests.Formats
{
    /// <summary>
    /// Reading strings by index: nanoCLR's indexer returns the high surrogate at a low surrogate's
    /// position, which TextChars works around; the core reads strings only through it (IL audit).
    /// </summary>
    [TestClass]
    public class TextCharsTests
    {
        // "a", U+1F600 (D83D DE00), "b", U+00E9, U+1F601 (D83D DE01), "c"
        private const string Mixed = "a\uD83D\uDE00b\u00E9\uD83D\uDE01c";

        [TestMethod]
        [DataRow(0, 0x61)]
        [DataRow(1, 0xD83D)]
        [DataRow(2, 0xDE00)] // the indexer reads 0xD83D here on nanoCLR
        [DataRow(3, 0x62)]
        [DataRow(4, 0xE9)]
        [DataRow(5, 0xD83D)]
        [DataRow(6, 0xDE01)]
        [DataRow(7, 0x63)]
        public void AtIsExactEverywhere(int index, int expected)
        {
            Assert.AreEqual(expected, (int)TextChars.At(Mixed, index), "unit " + index.ToString());
        }

        [TestMethod]
        public void OutsideSurrogatesIsExactForBmpText()
        {
            const string text = "x\u00E9\u20AC\uFFFD";
            char[] units = text.ToCharArray();
            for (int i = 0; i < units.Length; i++)
            {
                Assert.AreEqual((int)units[i], (int)TextChars.OutsideSurrogates(text, i), "unit " + i.ToString());
            }
        }

        [TestMethod]
        [DataRow(0xD7FF, false)]
        [DataRow(0xD800, true)]
        [DataRow(0xDBFF, true)]
        [DataRow(0xDC00, true)]
        [DataRow(0xDFFF, true)]
        [DataRow(0xE000, false)]
        public void IsSurrogateCoversBothHalves(int unit, bool expected)
        {
            Assert.AreEqual(expected, TextChars.IsSurrogate((char)unit), "U+" + unit.ToString("X4"));
        }

        [TestMethod]
        public void AsciiBytesOfAConstant()
        {
            byte[] bytes = TextChars.AsciiBytes("{\"a\":1}");
            Assert.AreEqual(7, bytes.Length, "length");
            Assert.AreEqual((int)'{', (int)bytes[0], "first");
            Assert.AreEqual((int)'}', (int)bytes[6], "last");
        }
    }
}
