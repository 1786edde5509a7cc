using Phytrace.Nano.Simulator;
using Phytrace.Nano.Storage;

namespace Phytrace.Nano.Tests.Simulator;

public sealed class PowerSwitchMediumTests : IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), "phytrace-power-" + Guid.NewGuid().ToString("N") + ".ring");

    public void Dispose() => File.Delete(path);

    [Fact]
    public void After_the_cut_nothing_more_reaches_the_file_and_only_earlier_bytes_are_counted()
    {
        var medium = new PowerSwitchMedium(new FileStreamMedium(path, 4096, reopenAtSyncPoints: false));
        medium.Write(0, [1, 2, 3, 4], 0, 4);
        medium.Flush();
        medium.Write(4, [5, 6], 0, 2);

        medium.CutPower();
        medium.Write(0, [9, 9, 9, 9, 9, 9, 9, 9], 0, 8);
        medium.Flush();
        var read = new byte[8];
        medium.Read(0, read, 0, 8);
        medium.Dispose();

        Assert.False(medium.IsPowered);
        Assert.Equal(6, medium.BytesWritten);
        Assert.Equal(8, medium.BytesDiscarded);
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5, 6, 0, 0 }, read);
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5, 6, 0, 0 }, File.ReadAllBytes(path)[..8]);
        Assert.Equal(4096, new FileInfo(path).Length);
    }
}
