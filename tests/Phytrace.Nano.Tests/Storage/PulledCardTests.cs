using Phytrace.Nano.Configuration;
using Phytrace.Nano.Host.Mqtt;
using Phytrace.Nano.Host.Receiving;
using Phytrace.Nano.Platform;
using Phytrace.Nano.Storage;
using Phytrace.Nano.Tests.Support;
using static Phytrace.Nano.Tests.Storage.BufferKit;

namespace Phytrace.Nano.Tests.Storage;

/// <summary>
/// An SD card pulled from a slot without a card-detect pin: no event says so, the ring file's
/// operations just fail. The RemountingMedium the ESP32 glue puts around the ring file turns that
/// into medium errors while the card is away, remounts it (at most every retry interval) once it
/// is back, and the buffer and the node resume with nothing lost that was synced.
/// </summary>
public sealed class PulledCardTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("phytrace-card-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void A_card_pulled_without_detect_pin_fails_enqueues_until_it_is_back_and_remounted_at_the_retry_interval()
    {
        const int RecordSize = 128;
        int length = RegionLength(RecordSize, 64);
        string path = Path.Combine(directory, "events.ring");
        var slot = new SimulatedCardSlot(new FileStreamMedium(path, length, reopenAtSyncPoints: false));
        var tick = new ManualTickClock(1000);
        var medium = new RemountingMedium(slot.Medium, slot, tick, retryIntervalMs: 5000);
        var buffer = new EdgeBuffer(medium, Options(RecordSize), SyncedClock());
        for (int n = 0; n < 3; n++)
        {
            Assert.True(Put(buffer, n, 100));
        }

        slot.Pull();
        Assert.False(Put(buffer, 3, 100));
        Assert.Equal(EnqueueFailure.MediumError, buffer.LastEnqueueFailure);
        Assert.Equal(MediumFailure.NotPresent, buffer.LastMediumFailure);
        Assert.False(Put(buffer, 4, 100)); // first remount attempt: the slot is empty
        Assert.Equal(1, slot.MountAttempts);
        tick.Advance(1000);
        Assert.False(Put(buffer, 5, 100)); // within the retry interval: no attempt, fails at once
        Assert.Equal(1, slot.MountAttempts);

        slot.Insert();
        Assert.False(Put(buffer, 6, 100)); // back, but not mounted again until the interval has passed
        Assert.Equal(1, slot.MountAttempts);
        tick.Advance(4000);
        Assert.True(Put(buffer, 7, 100), "refused after the card came back: " + buffer.LastEnqueueFailure);
        Assert.Equal(2, slot.MountAttempts);
        Assert.Equal(1, medium.Remounts);
        Assert.True(Put(buffer, 8, 100));
        Assert.True(buffer.GetStats().MediumErrors >= 4);
        buffer.Dispose();

        using var reopened = new EdgeBuffer(new FileStreamMedium(path, length, reopenAtSyncPoints: false), Options(RecordSize), SyncedClock());
        Assert.Equal(new[] { 0L, 1, 2, 7, 8 }.Select(n => Id(n)), ReadAll(reopened).Select(r => r.Id));
    }

    [Fact]
    public void Full_and_read_only_are_answers_of_a_mounted_card_and_cause_no_remount()
    {
        var ram = new RamMedium(RegionLength(128, 32));
        var card = new Phytrace.Nano.DeviceTests.FaultInjectingMedium(ram) { WriteFailure = MediumFailure.Full };
        var slot = new CountingVolume();
        var medium = new RemountingMedium(card, slot, new ManualTickClock(), retryIntervalMs: 0);
        var buffer = new EdgeBuffer(medium, Options(128), SyncedClock());
        card.FailWrites = true;
        Assert.False(Put(buffer, 0, 50));
        Assert.False(Put(buffer, 1, 50));
        card.FailWrites = false;
        Assert.True(Put(buffer, 2, 50));
        Assert.Equal(0, slot.Remounts);
    }

    [SkippableTheory]
    [MemberData(nameof(Brokers.Kinds), MemberType = typeof(Brokers))]
    public void The_node_keeps_its_records_through_a_pulled_card_and_delivers_them_all_when_it_is_back(string kind)
    {
        using IBroker broker = Brokers.Start(kind);
        using var receiver = new BatchReceiver(broker.Host, broker.Port, "receiver-card-" + kind);
        receiver.Start(TimeSpan.FromSeconds(5));
        BoardConfig config = TestNode.HostConfig("node-card-" + kind, broker.Host, broker.Port);
        var slot = new SimulatedCardSlot(new FileStreamMedium(Path.Combine(directory, "node.ring"), config.Storage.MaxSizeBytes, reopenAtSyncPoints: false));
        var medium = new RemountingMedium(slot.Medium, slot, Phytrace.Nano.Host.SystemTickClock.Instance, retryIntervalMs: 100);
        using var node = new TestNode(config, medium, online: false);
        node.Node.Start();

        var accepted = new List<string>();
        for (int i = 0; i < 5; i++)
        {
            accepted.Add(node.EmitTelemetry(i) ?? throw new InvalidOperationException("refused before the card was pulled"));
        }
        slot.Pull();
        Assert.Null(node.EmitTelemetry(5));
        Assert.Equal(EnqueueFailure.MediumError, node.Node.LastEmitFailure);
        node.Connectivity.Set(true); // the uplink reads the ring too: it meets the missing card as well
        Thread.Sleep(300);
        Assert.Null(node.EmitTelemetry(6));

        slot.Insert();
        string? resumed = null;
        Assert.True(SpinWait.SpinUntil(() => (resumed = node.EmitTelemetry(7)) != null, TimeSpan.FromSeconds(10)), "the node did not resume after the card came back");
        accepted.Add(resumed!);
        for (int i = 8; i < 12; i++)
        {
            accepted.Add(node.EmitTelemetry(i) ?? throw new InvalidOperationException("refused after the card came back"));
        }

        Assert.True(receiver.WaitForEvents(accepted.Count, TimeSpan.FromSeconds(30)), $"received {receiver.UniqueEvents} of {accepted.Count}");
        Assert.Equal(accepted, receiver.EventsOf(config.Identity.SourceId).Select(e => e.EventId).ToList());
        Assert.Empty(receiver.Errors);
        Assert.True(medium.Remounts >= 1);
    }

    private sealed class CountingVolume : IRemovableVolume
    {
        public int Remounts { get; private set; }

        public string LastError => string.Empty;

        public bool Remount()
        {
            Remounts++;
            return true;
        }
    }
}
