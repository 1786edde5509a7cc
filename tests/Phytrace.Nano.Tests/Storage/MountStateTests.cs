using Phytrace.Nano.Storage;

namespace Phytrace.Nano.Tests.Storage;

/// <summary>
/// With a card-detect pin one removal is reported twice (the detect interrupt, then the storage
/// event the unmount posts); the SD glue reports mount changes through MountState, once each.
/// </summary>
public class MountStateTests
{
    [Fact]
    public void Each_change_is_raised_once_however_often_it_is_reported()
    {
        var state = new MountState();
        var raised = new List<bool>();
        state.Changed += raised.Add;

        state.Set(true);
        state.Set(false); // card detect: removed
        state.Set(false); // RemovableDeviceRemoved, posted by the unmount
        state.Set(true);
        state.Set(true);

        Assert.Equal(new[] { true, false, true }, raised);
        Assert.True(state.IsMounted);
    }

    [Fact]
    public void Reports_from_two_threads_raise_one_event_per_real_change()
    {
        var state = new MountState();
        int raised = 0;
        state.Changed += _ => Interlocked.Increment(ref raised);
        state.Set(true);

        var threads = Enumerable.Range(0, 4).Select(_ => new Thread(() => state.Set(false))).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.Equal(2, raised);
        Assert.False(state.IsMounted);
    }
}
