using Phytrace.Nano.DeviceTests.Golden;

namespace Phytrace.Nano.DeviceGolden;

/// <summary>
/// Uuid7Set outputs against RFC 9562 (UUIDv7, section 5.7; counter in rand_a, method 1 of 6.2)
/// and the generator's documented rules: version 7 and variant 10; ids strictly increase; an id's
/// time is at least the wall time (0 for negative ones) and the previous id's time plus the tick
/// clock's elapsed time; when it does not move past the previous id's time the counter goes up by
/// one, and on overflow the time moves on by 1 ms; a fresh millisecond starts the counter below 2048.
/// </summary>
public static class Uuid7Oracle
{
    private static readonly Uuid7Set Set = new();

    public static string? Check(int index, byte[] output)
    {
        int ids = Set.Ids(index);
        if (output.Length != ids * 16)
        {
            return $"{output.Length} bytes for {ids} ids";
        }
        long previousMs = -1, previousTick = 0;
        int previousCounter = 0, overflows = 0;
        for (int k = 0; k < ids; k++)
        {
            ReadOnlySpan<byte> id = output.AsSpan(k * 16, 16);
            if (id[6] >> 4 != 7 || id[8] >> 6 != 2)
            {
                return $"id {k}: not version 7, variant 10";
            }
            if (k > 0 && id.SequenceCompareTo(output.AsSpan((k - 1) * 16, 16)) <= 0)
            {
                return $"id {k} does not sort after id {k - 1}";
            }
            long ms = 0;
            for (int i = 0; i < 6; i++)
            {
                ms = (ms << 8) | id[i];
            }
            int counter = ((id[6] & 0x0F) << 8) | id[7];
            Uuid7Set.ClockAt(index, k, out long wallMs, out long tickMs);
            long expected = Math.Max(wallMs, 0);
            if (k > 0)
            {
                expected = Math.Max(expected, previousMs + (tickMs - previousTick));
            }
            if (k > 0 && expected <= previousMs)
            {
                if (previousCounter < 0xFFF)
                {
                    if (ms != previousMs || counter != previousCounter + 1)
                    {
                        return $"id {k}: in the same millisecond the counter must go from {previousCounter} to {previousCounter + 1}";
                    }
                }
                else if (ms != previousMs + 1 || counter >= 2048)
                {
                    return $"id {k}: a counter overflow must move to the next millisecond and restart below 2048";
                }
                else
                {
                    overflows++;
                }
            }
            else if (ms != expected || counter >= 2048)
            {
                return $"id {k}: time {ms} should be {expected} with a fresh counter below 2048 (got {counter})";
            }
            previousMs = ms;
            previousTick = tickMs;
            previousCounter = counter;
        }
        return index == 0 && overflows == 0 ? "4,200 ids in one millisecond must overflow the counter" : null;
    }
}
