using Phytrace.Nano.Security;

namespace Phytrace.Nano.Tests.Security;

/// <summary>
/// Sub-keys and key ids from a master key, against values computed independently (Python's
/// cryptography package, ChaCha20 with the same counter and nonce).
/// </summary>
public sealed class KeyDerivationTests
{
    private static readonly byte[] Master = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();

    [Fact]
    public void Sub_key_is_chacha20_block_zero_under_the_context()
    {
        byte[] context = Enumerable.Range(0xA0, 12).Select(i => (byte)i).ToArray();
        var output = new byte[40];
        var scratch = new byte[64];

        KeyDerivation.SubKey(new ChaCha20(), Master, context, 0, scratch, output, 4);

        Assert.Equal("F7BAF7E4CC1BFEAEA3E5885E99CA209F520ADEA739997A357F85AB6E14007197", Convert.ToHexString(output, 4, 32));
        Assert.All(scratch, b => Assert.Equal(0, b));
    }

    [Fact]
    public void Key_id_is_block_one_under_a_fixed_nonce()
    {
        Assert.Equal(0xE3A5C62Du, KeyDerivation.KeyId(new ChaCha20(), Master, new byte[64]));
    }

    [Fact]
    public void Different_keys_and_contexts_give_different_values()
    {
        byte[] other = (byte[])Master.Clone();
        other[31] ^= 1;
        var scratch = new byte[64];
        var cipher = new ChaCha20();
        Assert.NotEqual(KeyDerivation.KeyId(cipher, Master, scratch), KeyDerivation.KeyId(cipher, other, scratch));

        var a = new byte[32];
        var b = new byte[32];
        var context = new byte[12];
        KeyDerivation.SubKey(cipher, Master, context, 0, scratch, a, 0);
        context[11] = 1;
        KeyDerivation.SubKey(cipher, Master, context, 0, scratch, b, 0);
        Assert.NotEqual(a, b);
    }
}
