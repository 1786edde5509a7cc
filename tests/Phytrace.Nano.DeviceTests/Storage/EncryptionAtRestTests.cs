using System;
using nanoFramework.TestFramework;
using Phytrace.Nano.DeviceTests.Helpers;
using Phytrace.Nano.Formats;
using Phytrace.Nano.Platform;
using Phytrace.Nano.Security;
using Phytrace.Nano.Storage;

namespace Phytrace.Nano.DeviceTests.Storage
{
    /// <summary>
    /// Encryption at rest on the device's runtime: sealed records round-trip across a mount and
    /// leave no plaintext on the medium, the wrong key, no key and a key on a plaintext region are
    /// refused with the medium untouched, a record changed with its CRC fixed up is counted as
    /// corrupt and never delivered, and a reformat seals under a new salt; the key derivation is
    /// the ChaCha20 block it is documented to be.
    /// </summary>
    [TestClass]
    public class EncryptionAtRestTests
    {
        private const int RecordSize = 128;
        private static readonly DateTime Now = new DateTime(2026, 11, 27, 12, 0, 0);

        [TestMethod]
        public void SealedRecordsRoundTripAcrossAMountAndLeaveNoPlaintext()
        {
            var medium = new RamMedium(Checkpoint.SlotsOffset + (64 * RecordSize));
            int[] lengths = new int[] { 0, 1, 55, 56, 57, 72, 73, 150, 300 };
            EdgeBuffer buffer = Open(medium, Key(1));
            Assert.IsTrue(buffer.IsSealed, "sealed");
            for (int n = 0; n < lengths.Length; n++)
            {
                Assert.IsTrue(Put(buffer, n, lengths[n]), "enqueue of " + lengths[n].ToString() + " bytes");
            }
            buffer.Dispose();
            for (int n = 0; n < lengths.Length; n++)
            {
                if (lengths[n] >= 16)
                {
                    Assert.AreEqual(-1, Find(medium.Image, Payload(n, lengths[n]), 16), "plaintext of event " + n.ToString() + " on the medium");
                }
            }

            EdgeBuffer reopened = Open(medium, Key(1));
            var events = new BufferedEvents(16, 4096);
            Assert.AreEqual(lengths.Length, reopened.Dequeue(events, 16), "every record after the mount");
            for (int n = 0; n < lengths.Length; n++)
            {
                Assert.AreEqual(lengths[n], events.PayloadLength(n), "length of event " + n.ToString());
                BytesAssert.AreEqual(Payload(n, lengths[n]), 0, events.Payload, events.PayloadOffset(n), lengths[n], "event " + n.ToString());
            }
        }

        [TestMethod]
        public void WrongKeyNoKeyAndKeyOnPlaintextAreRefusedWithTheMediumUntouched()
        {
            var sealedMedium = new RamMedium(Checkpoint.SlotsOffset + (32 * RecordSize));
            EdgeBuffer buffer = Open(sealedMedium, Key(1));
            Put(buffer, 0, 40);
            buffer.Dispose();
            var plainMedium = new RamMedium(Checkpoint.SlotsOffset + (32 * RecordSize));
            buffer = Open(plainMedium, null);
            Put(buffer, 0, 40);
            buffer.Dispose();
            byte[] sealedBefore = (byte[])sealedMedium.Image.Clone();
            byte[] plainBefore = (byte[])plainMedium.Image.Clone();

            Exception wrong = ExceptionAssert.Catch(delegate { Open(sealedMedium, Key(2)); }, "another key");
            Exception none = ExceptionAssert.Catch(delegate { Open(sealedMedium, null); }, "no key");
            Exception keyOnPlain = ExceptionAssert.Catch(delegate { Open(plainMedium, Key(1)); }, "a key on plaintext");

            Assert.IsTrue(wrong is InvalidOperationException && TextChars.IndexOf(wrong.Message, "wrong EncryptionKey") >= 0, "wrong key: " + wrong.Message);
            Assert.IsTrue(none is InvalidOperationException && TextChars.IndexOf(none.Message, "no EncryptionKey was given") >= 0, "no key: " + none.Message);
            Assert.IsTrue(keyOnPlain is InvalidOperationException && TextChars.IndexOf(keyOnPlain.Message, "holds unencrypted records") >= 0, "key on plaintext: " + keyOnPlain.Message);
            BytesAssert.AreEqual(sealedBefore, 0, sealedMedium.Image, 0, sealedBefore.Length, "sealed region untouched");
            BytesAssert.AreEqual(plainBefore, 0, plainMedium.Image, 0, plainBefore.Length, "plaintext region untouched");
        }

        [TestMethod]
        public void ChangedRecordWithItsCrcFixedIsCountedCorruptAndNotDelivered()
        {
            var medium = new RamMedium(Checkpoint.SlotsOffset + (32 * RecordSize));
            EdgeBufferOptions options = Options(Key(1));
            options.SectorSize = RecordSize; // one slot per record, so record 1 is slot 1
            var buffer = new EdgeBuffer(medium, options, new ManualWallClock(Now, true));
            for (int n = 0; n < 3; n++)
            {
                Put(buffer, n, 40);
            }
            buffer.Dispose();
            int at = Checkpoint.SlotsOffset + RecordSize;
            medium.Image[at + SlotFormat.FirstHeaderSize + 7] ^= 0x10;
            int used = SlotFormat.FirstHeaderSize + 40 + RecordSealer.TagSize;
            WriteUInt32(medium.Image, at + SlotFormat.OffsetCrc, SlotFormat.ComputeCrc(medium.Image, at, used));

            options = Options(Key(1));
            options.SectorSize = RecordSize;
            var reopened = new EdgeBuffer(medium, options, new ManualWallClock(Now, true));
            var events = new BufferedEvents(8, 2048);
            int delivered = 0;
            long[] sequences = new long[4];
            int got;
            while ((got = reopened.Dequeue(events, 8)) > 0)
            {
                for (int i = 0; i < got && delivered < sequences.Length; i++)
                {
                    sequences[delivered++] = events.Sequence(i);
                }
                reopened.AcknowledgeThrough(events.Sequence(got - 1));
            }
            Assert.AreEqual(2, delivered, "the two unchanged records");
            Assert.AreEqual(0L, sequences[0], "first");
            Assert.AreEqual(2L, sequences[1], "third");
            Assert.AreEqual(1L, reopened.GetStats().Corrupt, "the changed record counted as corrupt");
        }

        [TestMethod]
        public void ReformatSealsUnderANewRegionAndSalt()
        {
            var medium = new RamMedium(Checkpoint.SlotsOffset + (32 * RecordSize));
            EdgeBuffer buffer = Open(medium, Key(1));
            Put(buffer, 0, 40);
            buffer.Dispose();
            Checkpoint first = Newest(medium);
            Assert.IsTrue(first.KeyId != 0u, "key id stored");
            Array.Clear(medium.Image, 0, Checkpoint.SlotsOffset); // every checkpoint lost

            buffer = Open(medium, Key(1)); // same clock, same random seed
            Put(buffer, 0, 40);
            buffer.Dispose();
            Checkpoint second = Newest(medium);

            Assert.AreEqual(first.KeyId, second.KeyId, "same key id");
            Assert.IsTrue(first.RegionId != second.RegionId, "a new region id, so sequence 0 is not the same nonce");
        }

        [TestMethod]
        public void SubKeyIsChaCha20BlockZeroUnderTheContext()
        {
            byte[] master = Key(3);
            var context = new byte[12];
            for (int i = 0; i < context.Length; i++)
            {
                context[i] = (byte)(0xA0 + i);
            }
            var cipher = new ChaCha20();
            var scratch = new byte[ChaCha20.BlockSize];
            var derived = new byte[32];
            KeyDerivation.SubKey(cipher, master, context, 0, scratch, derived, 0);

            var expected = new byte[ChaCha20.BlockSize];
            var reference = new ChaCha20();
            reference.SetKey(master, 0);
            reference.SetNonce(context, 0);
            reference.Block(0, expected, 0);
            BytesAssert.AreEqual(expected, 0, derived, 0, 32, "sub-key");
            Assert.IsTrue(KeyDerivation.KeyId(cipher, master, scratch) != KeyDerivation.KeyId(cipher, Key(4), scratch), "key ids of two keys differ");
        }

        private static Checkpoint Newest(IStorageMedium medium)
        {
            var best = new Checkpoint();
            int copies;
            int damaged;
            int otherVersion;
            Assert.IsTrue(Checkpoint.ReadBest(medium, new byte[Checkpoint.MaxSize], new Checkpoint(), best, out copies, out damaged, out otherVersion) > 0, "a valid checkpoint");
            return best;
        }

        private static EdgeBufferOptions Options(byte[] key)
        {
            var options = new EdgeBufferOptions();
            options.RecordSize = RecordSize;
            options.MaxEventSize = 1000;
            options.CheckpointEvery = 4;
            options.EncryptionKey = key;
            options.Random = key == null ? null : new XorShiftRandom(7);
            return options;
        }

        private static EdgeBuffer Open(IStorageMedium medium, byte[] key)
        {
            return new EdgeBuffer(medium, Options(key), new ManualWallClock(Now, true));
        }

        private static byte[] Key(int n)
        {
            var key = new byte[32];
            for (int i = 0; i < key.Length; i++)
            {
                key[i] = (byte)((n * 41) + (i * 13) + 1);
            }
            return key;
        }

        private static bool Put(EdgeBuffer buffer, int n, int length)
        {
            var id = new byte[16];
            id[0] = (byte)n;
            id[6] = 0x70;
            return buffer.Enqueue(Payload(n, length), 0, length, id, 0, 1795780800000000L, true);
        }

        /// <summary>Printable bytes, so a leak would read as text in a dump.</summary>
        private static byte[] Payload(int n, int length)
        {
            var p = new byte[length];
            for (int i = 0; i < length; i++)
            {
                p[i] = (byte)('A' + (((n * 7) + i) % 26));
            }
            return p;
        }

        /// <summary>Where the first <paramref name="window"/> bytes of <paramref name="needle"/> occur in <paramref name="haystack"/>, or -1.</summary>
        private static int Find(byte[] haystack, byte[] needle, int window)
        {
            for (int at = 0; at + window <= haystack.Length; at++)
            {
                int i = 0;
                while (i < window && haystack[at + i] == needle[i])
                {
                    i++;
                }
                if (i == window)
                {
                    return at;
                }
            }
            return -1;
        }

        private static void WriteUInt32(byte[] b, int at, uint value)
        {
            b[at] = (byte)value;
            b[at + 1] = (byte)(value >> 8);
            b[at + 2] = (byte)(value >> 16);
            b[at + 3] = (byte)(value >> 24);
        }
    }
}
