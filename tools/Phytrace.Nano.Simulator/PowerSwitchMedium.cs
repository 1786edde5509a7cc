using Phytrace.Nano.Storage;

namespace Phytrace.Nano.Simulator;

/// <summary>
/// A medium between a node and its real file that models the node's power supply: while on, every
/// call passes through (and written bytes are counted); after <see cref="CutPower"/> nothing more
/// reaches the file: writes and flushes are silently discarded. The file then holds exactly what
/// the node had written before the cut. Reads still answer from the file (they change nothing),
/// so the abandoned node object can be torn down on the host without tripping over its medium;
/// on a device there is nothing left to tear down.
/// </summary>
public sealed class PowerSwitchMedium : IStorageMedium
{
    private readonly IStorageMedium inner;
    private long bytesWritten;
    private volatile bool off;

    public PowerSwitchMedium(IStorageMedium inner)
    {
        this.inner = inner ?? throw new ArgumentNullException(nameof(inner));
    }

    public long Length => inner.Length;

    /// <summary>Bytes passed to the file through this medium (record slots and headers).</summary>
    public long BytesWritten => Interlocked.Read(ref bytesWritten);

    public bool IsPowered => !off;

    /// <summary>From now on nothing reaches the file.</summary>
    public void CutPower() => off = true;

    /// <summary>Bytes the node wrote after the cut, which never reached the file.</summary>
    public long BytesDiscarded => Interlocked.Read(ref bytesDiscarded);

    private long bytesDiscarded;

    public int Read(long position, byte[] buffer, int offset, int count) => inner.Read(position, buffer, offset, count);

    public void Write(long position, byte[] buffer, int offset, int count)
    {
        if (off)
        {
            Interlocked.Add(ref bytesDiscarded, count);
            return;
        }
        inner.Write(position, buffer, offset, count);
        Interlocked.Add(ref bytesWritten, count);
    }

    public void Flush()
    {
        if (!off)
        {
            inner.Flush();
        }
    }

    /// <summary>
    /// Closes the file. The file stream hands the OS the bytes the node had written before the cut
    /// (its write buffer), never a byte written after it: those were refused.
    /// </summary>
    public void Dispose() => inner.Dispose();
}
