using nanoFramework.TestFramework;
using Phytrace.Nano.DeviceTests.Helpers;
using Phytrace.Nano.DeviceTests.Vectors;
using Phytrace.Nano.Security;

namespace Phytrace.Nano.DeviceTests.Security
{
    /// <summary>
    /// Every RFC 8439 test vector (section 2 and appendix A) on the device's runtime: ChaCha20
    /// blocks and encryption, Poly1305 tags (whole and in pieces), the AEAD both ways, and a
    /// flipped bit refused with the data left as it was.
    /// </summary>
    [TestClass]
    public class ChaCha20Poly1305Tests
    {
        [TestMethod]
        public void ChaCha20Vectors()
        {
            KeystreamVector[] vectors = Rfc8439Vectors.ChaCha20();
            for (int i = 0; i < vectors.Length; i++)
            {
                KeystreamVector v = vectors[i];
                var cipher = new ChaCha20();
                cipher.SetKey(v.Key, 0);
                cipher.SetNonce(v.Nonce, 0);
                var data = new byte[v.Plaintext.Length + 2];
                System.Array.Copy(v.Plaintext, 0, data, 1, v.Plaintext.Length);
                cipher.Xor(v.Counter, data, 1, v.Plaintext.Length);
                BytesAssert.AreEqual(v.Expected, 0, data, 1, v.Expected.Length, v.Name);
                Assert.AreEqual((byte)0, data[0], v.Name + ": byte before the range");
                Assert.AreEqual((byte)0, data[data.Length - 1], v.Name + ": byte after the range");
            }
        }

        [TestMethod]
        public void Poly1305Vectors()
        {
            MacVector[] vectors = Rfc8439Vectors.Poly1305();
            var mac = new Poly1305();
            var tag = new byte[Poly1305.TagSize];
            for (int i = 0; i < vectors.Length; i++)
            {
                MacVector v = vectors[i];
                mac.Init(v.Key, 0);
                mac.Update(v.Message, 0, v.Message.Length);
                mac.Final(tag, 0);
                BytesAssert.AreEqual(v.Tag, 0, tag, 0, 16, v.Name + " whole");

                mac.Init(v.Key, 0);
                int piece = 1;
                for (int at = 0; at < v.Message.Length; at += piece, piece++)
                {
                    int n = v.Message.Length - at < piece ? v.Message.Length - at : piece;
                    mac.Update(v.Message, at, n);
                }
                mac.Final(tag, 0);
                BytesAssert.AreEqual(v.Tag, 0, tag, 0, 16, v.Name + " in pieces");
            }
        }

        [TestMethod]
        public void AeadVectors()
        {
            AeadVector[] vectors = Rfc8439Vectors.Aead();
            for (int i = 0; i < vectors.Length; i++)
            {
                AeadVector v = vectors[i];
                var aead = new ChaCha20Poly1305Aead(v.Key);
                var data = new byte[v.Plaintext.Length];
                System.Array.Copy(v.Plaintext, data, data.Length);
                var tag = new byte[16];
                aead.Seal(v.Nonce, 0, v.Aad, 0, v.Aad.Length, data, 0, data.Length, tag, 0);
                BytesAssert.AreEqual(v.Ciphertext, 0, data, 0, data.Length, v.Name + " ciphertext");
                BytesAssert.AreEqual(v.Tag, 0, tag, 0, 16, v.Name + " tag");
                Assert.IsTrue(aead.Open(v.Nonce, 0, v.Aad, 0, v.Aad.Length, data, 0, data.Length, tag, 0), v.Name + " opens");
                BytesAssert.AreEqual(v.Plaintext, 0, data, 0, data.Length, v.Name + " plaintext");
            }
        }

        [TestMethod]
        public void FlippedBitIsRefusedAndDataKept()
        {
            AeadVector v = Rfc8439Vectors.Aead()[0];
            var aead = new ChaCha20Poly1305Aead(v.Key);
            int[] positions = new int[] { 0, 57, v.Ciphertext.Length - 1 };
            for (int i = 0; i < positions.Length; i++)
            {
                var data = new byte[v.Ciphertext.Length];
                System.Array.Copy(v.Ciphertext, data, data.Length);
                data[positions[i]] ^= 0x10;
                Assert.IsFalse(aead.Open(v.Nonce, 0, v.Aad, 0, v.Aad.Length, data, 0, data.Length, v.Tag, 0), "flip at " + positions[i].ToString());
                data[positions[i]] ^= 0x10;
                BytesAssert.AreEqual(v.Ciphertext, 0, data, 0, data.Length, "left as it was");
            }
            var tag = new byte[16];
            System.Array.Copy(v.Tag, tag, 16);
            tag[15] ^= 0x01;
            var text = new byte[v.Ciphertext.Length];
            System.Array.Copy(v.Ciphertext, text, text.Length);
            Assert.IsFalse(aead.Open(v.Nonce, 0, v.Aad, 0, v.Aad.Length, text, 0, text.Length, tag, 0), "flipped tag");
        }

        [TestMethod]
        public void WrongKeyLengthIsRefused()
        {
            Assert.ThrowsException(typeof(System.ArgumentException), delegate { new ChaCha20Poly1305Aead(new byte[16]); }, "a 16-byte key");
        }
    }
}
