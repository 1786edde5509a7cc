namespace Phytrace.Nano.Platform
{
    /// <summary>
    /// Randomness for jitter and UUIDv7 bits, injectable so tests are deterministic.
    /// </summary>
    public interface IRandomSource
    {
        /// <summary>A uniformly distributed integer in [0, maxExclusive). maxExclusive must be positive.</summary>
        int NextInt(int maxExclusive);

        /// <summary>Fills buffer[offset .. offset+count) with random bytes.</summary>
        void NextBytes(byte[] buffer, int offset, int count);
    }
}
