using nanoFramework.TestFramework;
using Phytrace.Nano.Compression;
using Phytrace.Nano.DeviceTests.Golden;
using Phytrace.Nano.DeviceTests.Helpers;

namespace Phytrace.Nano.DeviceTests.Compression
{
    /// <summary>
    /// GzipEncoder.MaxCompressedSize is a promise on the device too: at every level, prefixes of
    /// encoded events and of token text (the inputs where a dynamic block barely beats a stored
    /// one, which once made the capacity check throw with the bound's room) fit the bound, fit a
    /// buffer exactly the output's size with the same bytes, and inflate back. The host sweeps
    /// every length 0..2000; this is a sample the interpreter can afford.
    /// </summary>
    [TestClass]
    public class GzipBoundTests
    {
        private const int EventsItem = 0;
        private const int TokensItem = 11;
        private const int LongestPrefix = 420;
        private const int Step = 7;

        [TestMethod]
        [DataRow(1)]
        [DataRow(2)]
        [DataRow(3)]
        [DataRow(4)]
        [DataRow(5)]
        [DataRow(6)]
        [DataRow(7)]
        [DataRow(8)]
        [DataRow(9)]
        public void PrefixesFitTheBoundAndAnExactBuffer(int level)
        {
            var set = new GzipSet();
            var source = new byte[GzipSet.MaxInput];
            var encoder = new GzipEncoder(level);
            var roomy = new byte[GzipEncoder.MaxCompressedSize(LongestPrefix)];
            var back = new byte[LongestPrefix];
            var inflater = new Inflater();
            int[] items = { EventsItem, TokensItem };
            for (int k = 0; k < items.Length; k++)
            {
                set.Input(items[k], source);
                for (int length = 0; length <= LongestPrefix; length += Step)
                {
                    string what = "level " + level.ToString() + ", " + length.ToString() + " bytes of " + set.Describe(items[k]);
                    int needed = 0;
                    int written = 0;
                    byte[] exact = null;
                    try
                    {
                        needed = encoder.Compress(source, 0, length, roomy, 0, GzipEncoder.MaxCompressedSize(length));
                        exact = new byte[needed];
                        written = encoder.Compress(source, 0, length, exact, 0, needed);
                    }
                    catch (CompressionOutputTooSmallException e)
                    {
                        Assert.IsTrue(false, what + " (" + needed.ToString() + " bytes needed): " + e.Message);
                    }
                    Assert.AreEqual(needed, written, what + ": size with an exact buffer");
                    BytesAssert.AreEqual(roomy, 0, exact, 0, needed, what + ": same bytes with an exact buffer");
                    int got = inflater.Gunzip(exact, 0, needed, back);
                    Assert.AreEqual(length, got, what + ": inflated length");
                    BytesAssert.AreEqual(source, 0, back, 0, length, what + ": inflates back");
                }
            }
        }
    }
}
