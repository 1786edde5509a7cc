using CsCheck;
using Phytrace.Nano.Security;
using DotNetAead = System.Security.Cryptography.ChaCha20Poly1305;

namespace Phytrace.Nano.Tests.Security;

/// <summary>
/// The portable AEAD against .NET's System.Security.Cryptography.ChaCha20Poly1305 (OpenSSL on
/// Linux) on random keys, nonces, additional data and lengths, at random offsets in larger
/// buffers: the same ciphertext and tag, each side opens what the other sealed, and a changed
/// byte is refused by both.
/// </summary>
public sealed class ChaCha20Poly1305DifferentialTests
{
    private static readonly int Iterations = Environment.GetEnvironmentVariable("PHYTRACE_LONG_TESTS") == "1" ? 20000 : 1000;

    private static readonly Gen<(byte[] Key, byte[] Nonce, byte[] Aad, byte[] Text, int Offset)> Cases =
        Gen.Select(Gen.Byte.Array[32], Gen.Byte.Array[12], Gen.Byte.Array[0, 80], Gen.Byte.Array[0, 700], Gen.Int[0, 20]);

    [Fact]
    public void Same_ciphertext_and_tag_as_dotnet()
    {
        Skip.IfNot(DotNetAead.IsSupported, "this platform's .NET has no ChaCha20Poly1305");
        Cases.Sample((key, nonce, aad, text, offset) =>
        {
            var expected = new byte[text.Length];
            var expectedTag = new byte[16];
            using (var reference = new DotNetAead(key))
            {
                reference.Encrypt(nonce, text, expected, expectedTag, aad);
            }

            var buffer = new byte[offset + text.Length + 5];
            text.CopyTo(buffer, offset);
            var tag = new byte[20];
            var aead = new ChaCha20Poly1305Aead(key);
            aead.Seal(nonce, 0, aad, 0, aad.Length, buffer, offset, text.Length, tag, 3);

            return buffer.AsSpan(offset, text.Length).SequenceEqual(expected) && tag.AsSpan(3, 16).SequenceEqual(expectedTag);
        }, iter: Iterations);
    }

    [Fact]
    public void Each_opens_what_the_other_sealed_and_refuses_a_changed_byte()
    {
        Skip.IfNot(DotNetAead.IsSupported, "this platform's .NET has no ChaCha20Poly1305");
        Gen.Select(Cases, Gen.Int[0, int.MaxValue]).Sample((c, flip) =>
        {
            (byte[] key, byte[] nonce, byte[] aad, byte[] text, _) = c;
            var sealedByDotNet = new byte[text.Length];
            var tag = new byte[16];
            using var reference = new DotNetAead(key);
            reference.Encrypt(nonce, text, sealedByDotNet, tag, aad);

            var aead = new ChaCha20Poly1305Aead(key);
            byte[] opened = (byte[])sealedByDotNet.Clone();
            if (!aead.Open(nonce, 0, aad, 0, aad.Length, opened, 0, opened.Length, tag, 0) || !opened.AsSpan().SequenceEqual(text))
            {
                return false;
            }

            byte[] ours = (byte[])text.Clone();
            var ourTag = new byte[16];
            aead.Seal(nonce, 0, aad, 0, aad.Length, ours, 0, ours.Length, ourTag, 0);
            var back = new byte[text.Length];
            reference.Decrypt(nonce, ours, ourTag, back, aad);
            if (!back.AsSpan().SequenceEqual(text))
            {
                return false;
            }

            // One changed byte of ciphertext or tag: both refuse it.
            int at = flip % (ours.Length + 16);
            byte[] target = at < ours.Length ? ours : ourTag;
            target[at < ours.Length ? at : at - ours.Length] ^= (byte)(1 + (flip % 255));
            bool dotnetRefuses;
            try
            {
                reference.Decrypt(nonce, ours, ourTag, back, aad);
                dotnetRefuses = false;
            }
            catch (System.Security.Cryptography.AuthenticationTagMismatchException)
            {
                dotnetRefuses = true;
            }
            return dotnetRefuses && !aead.Open(nonce, 0, aad, 0, aad.Length, ours, 0, ours.Length, ourTag, 0);
        }, iter: Iterations);
    }
}
