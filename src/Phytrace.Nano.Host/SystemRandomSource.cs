using System.Security.Cryptography;
using Phytrace.Nano.Platform;

namespace Phytrace.Nano.Host;

/// <summary>The host's cryptographic random source, for UUID bits and jitter outside tests.</summary>
public sealed class SystemRandomSource : IRandomSource
{
    public static readonly SystemRandomSource Instance = new();

    public int NextInt(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        return RandomNumberGenerator.GetInt32(maxExclusive);
    }

    public void NextBytes(byte[] buffer, int offset, int count)
        => RandomNumberGenerator.Fill(buffer.AsSpan(offset, count));
}
