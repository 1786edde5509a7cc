using Phytrace.Nano.Storage;

namespace Phytrace.Nano.Cli;

/// <summary>
/// A buffer image opened for reading only. FileStreamMedium opens read-write and extends a short
/// file to the region's length, which would alter the very file being inspected; this never writes.
/// </summary>
public sealed class ReadOnlyFileMedium : IStorageMedium
{
    private readonly FileStream stream;

    public ReadOnlyFileMedium(string path)
    {
        stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
    }

    public long Length => stream.Length;

    public int Read(long position, byte[] buffer, int offset, int count)
    {
        stream.Seek(position, SeekOrigin.Begin);
        int done = 0;
        while (done < count)
        {
            int n = stream.Read(buffer, offset + done, count - done);
            if (n <= 0)
            {
                break;
            }
            done += n;
        }
        return done;
    }

    public void Write(long position, byte[] buffer, int offset, int count) =>
        throw new NotSupportedException("the inspected buffer image is opened read-only");

    public void Flush()
    {
        // Nothing was written.
    }

    public void Dispose() => stream.Dispose();
}
