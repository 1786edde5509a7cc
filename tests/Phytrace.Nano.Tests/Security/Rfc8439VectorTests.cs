using Phytrace.Nano.DeviceTests.Vectors;
using Phytrace.Nano.Security;

namespace Phytrace.Nano.Tests.Security;

/// <summary>
/// Every test vector of RFC 8439 (section 2's examples and appendix A) against the portable
/// ChaCha20, Poly1305 and AEAD. The device tests run the same vectors on nanoCLR.
/// </summary>
public sealed class Rfc8439VectorTests
{
    public static TheoryData<string> ChaCha20Names() => Names(Rfc8439Vectors.ChaCha20().Select(v => v.Name));

    public static TheoryData<string> Poly1305Names() => Names(Rfc8439Vectors.Poly1305().Select(v => v.Name));

    public static TheoryData<string> AeadNames() => Names(Rfc8439Vectors.Aead().Select(v => v.Name));

    [Theory]
    [MemberData(nameof(ChaCha20Names))]
    public void ChaCha20_encrypts_as_the_rfc_says(string name)
    {
        KeystreamVector v = Rfc8439Vectors.ChaCha20().Single(x => x.Name == name);
        var cipher = new ChaCha20();
        cipher.SetKey(v.Key, 0);
        cipher.SetNonce(v.Nonce, 0);
        // At an offset inside a larger buffer, so nothing outside the range may change.
        var data = new byte[v.Plaintext.Length + 7];
        Array.Fill(data, (byte)0x5A);
        v.Plaintext.CopyTo(data, 3);

        cipher.Xor(v.Counter, data, 3, v.Plaintext.Length);

        Assert.Equal(Convert.ToHexString(v.Expected), Convert.ToHexString(data, 3, v.Plaintext.Length));
        Assert.All(data.Take(3).Concat(data.Skip(3 + v.Plaintext.Length)), b => Assert.Equal(0x5A, b));
    }

    [Theory]
    [MemberData(nameof(ChaCha20Names))]
    public void ChaCha20_block_is_the_keystream(string name)
    {
        KeystreamVector v = Rfc8439Vectors.ChaCha20().Single(x => x.Name == name);
        if (v.Plaintext.Any(b => b != 0))
        {
            return; // a vector with a message tests encryption, not the raw block
        }
        var cipher = new ChaCha20();
        cipher.SetKey(v.Key, 0);
        cipher.SetNonce(v.Nonce, 0);
        var block = new byte[ChaCha20.BlockSize];

        cipher.Block(v.Counter, block, 0);

        Assert.Equal(Convert.ToHexString(v.Expected), Convert.ToHexString(block, 0, v.Expected.Length));
    }

    [Theory]
    [MemberData(nameof(Poly1305Names))]
    public void Poly1305_tags_as_the_rfc_says_whole_and_in_pieces(string name)
    {
        MacVector v = Rfc8439Vectors.Poly1305().Single(x => x.Name == name);
        var mac = new Poly1305();
        var tag = new byte[Poly1305.TagSize];

        mac.Init(v.Key, 0);
        mac.Update(v.Message, 0, v.Message.Length);
        mac.Final(tag, 0);
        Assert.Equal(Convert.ToHexString(v.Tag), Convert.ToHexString(tag));

        // Pieces of 1, 2, 3, ... bytes cross every block boundary a different way.
        mac.Init(v.Key, 0);
        for (int at = 0, piece = 1; at < v.Message.Length; at += piece, piece++)
        {
            mac.Update(v.Message, at, Math.Min(piece, v.Message.Length - at));
        }
        Array.Clear(tag);
        mac.Final(tag, 0);
        Assert.Equal(Convert.ToHexString(v.Tag), Convert.ToHexString(tag));
    }

    [Theory]
    [MemberData(nameof(AeadNames))]
    public void Aead_seals_and_opens_as_the_rfc_says(string name)
    {
        AeadVector v = Rfc8439Vectors.Aead().Single(x => x.Name == name);
        var aead = new ChaCha20Poly1305Aead(v.Key);
        byte[] data = (byte[])v.Plaintext.Clone();
        var tag = new byte[ChaCha20Poly1305Aead.TagSize];

        aead.Seal(v.Nonce, 0, v.Aad, 0, v.Aad.Length, data, 0, data.Length, tag, 0);
        Assert.Equal(Convert.ToHexString(v.Ciphertext), Convert.ToHexString(data));
        Assert.Equal(Convert.ToHexString(v.Tag), Convert.ToHexString(tag));

        Assert.True(aead.Open(v.Nonce, 0, v.Aad, 0, v.Aad.Length, data, 0, data.Length, v.Tag, 0));
        Assert.Equal(Convert.ToHexString(v.Plaintext), Convert.ToHexString(data));
    }

    [Theory]
    [MemberData(nameof(AeadNames))]
    public void Aead_refuses_every_single_bit_flip_and_leaves_the_ciphertext(string name)
    {
        AeadVector v = Rfc8439Vectors.Aead().Single(x => x.Name == name);
        var aead = new ChaCha20Poly1305Aead(v.Key);
        int positions = v.Ciphertext.Length + v.Tag.Length + v.Aad.Length + v.Nonce.Length;
        for (int i = 0; i < positions; i++)
        {
            byte[] data = (byte[])v.Ciphertext.Clone();
            byte[] tag = (byte[])v.Tag.Clone();
            byte[] aad = (byte[])v.Aad.Clone();
            byte[] nonce = (byte[])v.Nonce.Clone();
            byte[] target = i < data.Length ? data : i < data.Length + tag.Length ? tag : i < data.Length + tag.Length + aad.Length ? aad : nonce;
            int at = i < data.Length ? i : i < data.Length + tag.Length ? i - data.Length : i < data.Length + tag.Length + aad.Length ? i - data.Length - tag.Length : i - data.Length - tag.Length - aad.Length;
            target[at] ^= (byte)(1 << (i % 8));

            Assert.False(aead.Open(nonce, 0, aad, 0, aad.Length, data, 0, data.Length, tag, 0), $"flip at position {i} accepted");
            if (target != data)
            {
                Assert.Equal(Convert.ToHexString(v.Ciphertext), Convert.ToHexString(data));
            }
        }
    }

    private static TheoryData<string> Names(IEnumerable<string> names)
    {
        var data = new TheoryData<string>();
        foreach (string name in names)
        {
            data.Add(name);
        }
        return data;
    }
}
