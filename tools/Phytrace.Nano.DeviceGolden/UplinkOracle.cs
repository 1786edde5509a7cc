using System.Globalization;
using System.Text;
using System.Text.Json;
using Phytrace.Nano.DeviceTests.Golden;

namespace Phytrace.Nano.DeviceGolden;

/// <summary>
/// UplinkScenarioSet outputs read with System.Text.Json: at the end the buffer is empty; every
/// event emitted (numbered by its custom_n extension) is in exactly one acknowledged batch;
/// events are first published in the order they were emitted, each batch in order; a batch that
/// was not acknowledged (PUBACK timeout, broker gone) has all its events published again later.
/// </summary>
public static class UplinkOracle
{
    public static string? Check(int index, byte[] output)
    {
        string all = Encoding.UTF8.GetString(output);
        int summary = all.IndexOf("emitted ", StringComparison.Ordinal);
        string[] end = all[summary..all.IndexOf('\n', summary)].Split(' ');
        int emitted = int.Parse(end[1], CultureInfo.InvariantCulture);
        if (end[3] != "0")
        {
            return $"{end[3]} events still buffered after the drain";
        }
        int at = Encoding.UTF8.GetByteCount(all[..(all.IndexOf('\n', summary) + 1)]);
        var acknowledged = new int[emitted];
        int firstUnseen = 0;
        int publishes = 0;
        while (at < output.Length)
        {
            int lineEnd = Array.IndexOf(output, (byte)'\n', at);
            string[] header = Encoding.ASCII.GetString(output, at, lineEnd - at).Split(' ');
            int outcome = int.Parse(header[1], CultureInfo.InvariantCulture);
            int length = int.Parse(header[2], CultureInfo.InvariantCulture);
            using JsonDocument batch = JsonDocument.Parse(output.AsMemory(lineEnd + 1, length));
            at = lineEnd + 1 + length + 1;
            publishes++;
            int previous = -1;
            foreach (JsonElement e in batch.RootElement.GetProperty("batch").GetProperty("events").EnumerateArray())
            {
                int n = e.GetProperty("extensions").GetProperty("custom_n").GetInt32();
                if (n <= previous || n >= emitted)
                {
                    return $"publish {publishes}: event {n} out of order or never emitted";
                }
                previous = n;
                if (n > firstUnseen)
                {
                    return $"publish {publishes}: event {n} sent before event {firstUnseen}";
                }
                if (n == firstUnseen)
                {
                    firstUnseen++;
                }
                if (outcome == ScriptedSession.OutcomeAcknowledged && ++acknowledged[n] > 1)
                {
                    return $"publish {publishes}: event {n} sent again after its PUBACK";
                }
            }
        }
        int missing = Array.IndexOf(acknowledged, 0);
        return missing < 0 ? null : $"event {missing} of {emitted} was never acknowledged";
    }
}
