using Phytrace.Nano.Security;
using Phytrace.Nano.Tests.Support;

namespace Phytrace.Nano.Tests.Security;

/// <summary>What a user of the AEAD meets besides the vectors: bad arguments, allocation, reuse.</summary>
public sealed class ChaCha20Poly1305UsageTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(16)]
    [InlineData(31)]
    [InlineData(33)]
    public void A_key_of_another_length_is_refused_naming_both_lengths(int length)
    {
        var e = Assert.Throws<ArgumentException>(() => new ChaCha20Poly1305Aead(new byte[length]));
        Assert.Contains("32 bytes", e.Message, StringComparison.Ordinal);
        Assert.Contains($"got {length} bytes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_key_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => new ChaCha20Poly1305Aead(null!));
        Assert.Contains("got null", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_key_is_copied_so_changing_the_array_later_changes_nothing()
    {
        byte[] key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
        var aead = new ChaCha20Poly1305Aead(key);
        var nonce = new byte[12];
        var data = new byte[40];
        var tag = new byte[16];
        aead.Seal(nonce, 0, null, 0, 0, data, 0, data.Length, tag, 0);
        Array.Clear(key);

        Assert.True(aead.Open(nonce, 0, null, 0, 0, data, 0, data.Length, tag, 0));
        Assert.All(data, b => Assert.Equal(0, b));
    }

    [Fact]
    public void A_range_outside_the_buffer_is_refused_before_anything_is_written()
    {
        var aead = new ChaCha20Poly1305Aead(new byte[32]);
        var data = new byte[10];
        var tag = new byte[16];
        Assert.Throws<ArgumentOutOfRangeException>(() => aead.Seal(new byte[12], 0, null, 0, 0, data, 4, 7, tag, 0));
        Assert.Throws<ArgumentException>(() => aead.Seal(new byte[12], 0, null, 0, 0, data, 0, 10, tag, 1));
        Assert.Throws<ArgumentException>(() => aead.Seal(new byte[11], 0, null, 0, 0, data, 0, 10, tag, 0));
        Assert.Throws<ArgumentNullException>(() => aead.Seal(new byte[12], 0, null, 0, 3, data, 0, 10, tag, 0));
        Assert.All(data, b => Assert.Equal(0, b));
        Assert.All(tag, b => Assert.Equal(0, b));
    }

    [Fact]
    public void Seal_and_open_allocate_nothing()
    {
        var aead = new ChaCha20Poly1305Aead(new byte[32]);
        var nonce = new byte[12];
        var aad = new byte[24];
        var data = new byte[200];
        var tag = new byte[16];
        aead.Seal(nonce, 0, aad, 0, aad.Length, data, 0, data.Length, tag, 0);
        aead.Open(nonce, 0, aad, 0, aad.Length, data, 0, data.Length, tag, 0);

        // The least of three rounds: tiering can allocate on this thread when it promotes a method.
        long allocated = Allocations.SteadyState(
            () =>
            {
                for (int i = 0; i < 100; i++)
                {
                    nonce[0] = (byte)i;
                    aead.Seal(nonce, 0, aad, 0, aad.Length, data, 0, data.Length, tag, 0);
                    Assert.True(aead.Open(nonce, 0, aad, 0, aad.Length, data, 0, data.Length, tag, 0));
                }
            },
            warmupRounds: 0,
            rounds: 3);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void After_clear_the_instance_no_longer_opens_what_it_sealed()
    {
        var aead = new ChaCha20Poly1305Aead(Enumerable.Range(0, 32).Select(i => (byte)(i * 7)).ToArray());
        var nonce = new byte[12];
        var data = new byte[32];
        var tag = new byte[16];
        aead.Seal(nonce, 0, null, 0, 0, data, 0, data.Length, tag, 0);

        aead.Clear();

        Assert.False(aead.Open(nonce, 0, null, 0, 0, data, 0, data.Length, tag, 0));
    }
}
