using Phytrace.Nano.Storage;
using Phytrace.Nano.Tests.Support;
using static Phytrace.Nano.Tests.Storage.BufferKit;

namespace Phytrace.Nano.Tests.Storage;

/// <summary>Steady state allocates nothing per Enqueue and per dequeue-and-acknowledge.</summary>
public class EdgeBufferAllocationTests
{
    [Theory]
    [InlineData(1, false)]
    [InlineData(8, false)]
    [InlineData(8, true)]
    public void Enqueue_and_dequeue_with_acknowledge_allocate_nothing(int syncEvery, bool vetted)
    {
        var options = Options(recordSize: 256, syncEvery: syncEvery, maxEventSize: 600);
        using var buffer = new EdgeBuffer(new RamMedium(RegionLength(256, 256)), options, SyncedClock());
        var payload = Payload(1, 600);
        var id = Id(1);
        var batch = new BufferedEvents(16, 16 * 600);
        long micros = Micros(Now);
        void Cycle(int i)
        {
            if (vetted)
            {
                buffer.EnqueueVetted(payload, 0, 100 + (i % 500), id, 0, micros, true);
            }
            else
            {
                buffer.Enqueue(payload, 0, 100 + (i % 500), id, 0, micros, true);
            }
            if (i % 16 == 15 && buffer.Dequeue(batch, 16) > 0)
            {
                buffer.AcknowledgeThrough(batch.Sequence(batch.Count - 1));
            }
        }
        for (int i = 0; i < 2000; i++)
        {
            Cycle(i); // warm-up: several laps of the ring
        }
        // Each figure is the least of three measured rounds (Allocations.SteadyState): the JIT's
        // tiering can allocate on this thread under load, an allocation per call shows in every round.
        long enqueueBytes = Allocations.SteadyState(
            () =>
            {
                for (int i = 0; i < 15; i++)
                {
                    if (vetted)
                    {
                        buffer.EnqueueVetted(payload, 0, 100 + i, id, 0, micros, true);
                    }
                    else
                    {
                        buffer.Enqueue(payload, 0, 100 + i, id, 0, micros, true);
                    }
                }
            },
            warmupRounds: 1,
            betweenRounds: () =>
            {
                while (buffer.Dequeue(batch, 16) > 0)
                {
                    buffer.AcknowledgeThrough(batch.Sequence(batch.Count - 1));
                }
            });
        int cycle = 0;
        long cycleBytes = Allocations.SteadyState(
            () =>
            {
                // 1,000 cycles pass the ring's end (256 slots, three per record) several times,
                // so an allocation at the wrap shows in every round.
                for (int i = 0; i < 1000; i++)
                {
                    Cycle(cycle++);
                }
            },
            warmupRounds: 0);
        Assert.Equal(0, enqueueBytes);
        Assert.Equal(0, cycleBytes);
    }
}
