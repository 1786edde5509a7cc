using Phytrace.Nano.Storage;

namespace Phytrace.Nano.DeviceTests
{
    /// <summary>
    /// Holds <see cref="SlotFormat.EncodeEvent"/> (Enqueue's writer: a header template, copied
    /// continuation headers, inline field stores) to <see cref="SlotFormat.Encode"/> part by part,
    /// each slot's tail zeroed past its CRC padding: the same bytes for events of none, one and
    /// several slots, partial and full last slots, two record sizes, both clock states, a sequence
    /// and capture time that use all 64 bits, and nothing written outside the event's slots.
    /// Shared by the .NET and the device tests; returns the first difference, or null.
    /// </summary>
    public static class EventEncodingCheck
    {
        public static string Check()
        {
            int[] recordSizes = new int[] { 64, 256 };
            // For 256-byte records: empty, one byte, a full first slot, one past it, the benchmark's event, three full slots.
            int[] lengths = new int[] { 0, 1, 200, 201, 550, 648 };
            var payload = new byte[700];
            var eventId = new byte[20];
            for (int i = 0; i < payload.Length; i++)
            {
                payload[i] = (byte)((i * 29) + 7);
            }
            for (int i = 0; i < eventId.Length; i++)
            {
                eventId[i] = (byte)(0xC0 + i);
            }
            for (int r = 0; r < recordSizes.Length; r++)
            {
                for (int l = 0; l < lengths.Length; l++)
                {
                    string problem = CheckEvent(recordSizes[r], lengths[l], (l & 1) == 0, payload, eventId);
                    if (problem != null)
                    {
                        return problem;
                    }
                }
            }
            return null;
        }

        private static string CheckEvent(int recordSize, int total, bool clockSynced, byte[] payload, byte[] eventId)
        {
            const uint Region = 0x8A9BACBD;
            long sequence = clockSynced ? 0x0102030405060708L : 77;
            long captured = clockSynced ? 1795791845123456L : unchecked((long)0xF1E2D3C4B5A69788UL);
            int slots = SlotFormat.SlotsFor(total, recordSize);
            int at = 3 * recordSize;
            int size = (slots + 5) * recordSize;
            var expected = new byte[size];
            var actual = new byte[size];
            for (int i = 0; i < size; i++)
            {
                expected[i] = 0xA5;
                actual[i] = 0xA5;
            }
            int done = 0;
            for (int part = 0; part < slots; part++)
            {
                int capacity = recordSize - SlotFormat.HeaderSize(part);
                int chunk = total - done < capacity ? total - done : capacity;
                int slotAt = at + (part * recordSize);
                int used = SlotFormat.Encode(expected, slotAt, Region, sequence, total, part, part == slots - 1,
                    captured, clockSynced, eventId, 3, payload, 5 + done, chunk);
                System.Array.Clear(expected, slotAt + used, recordSize - used);
                done += chunk;
            }
            var template = new byte[SlotFormat.TemplateLength];
            SlotFormat.WriteTemplate(template, Region);
            SlotFormat.EncodeEvent(actual, at, recordSize, template, sequence, total, slots, captured, clockSynced, eventId, 3, payload, 5);
            for (int i = 0; i < size; i++)
            {
                if (actual[i] != expected[i])
                {
                    int slot = (i / recordSize) - 3;
                    return "event of " + total.ToString() + " bytes in " + recordSize.ToString() + "-byte records: slot " + slot.ToString()
                        + ", byte " + (i % recordSize).ToString() + " is " + actual[i].ToString() + ", Encode writes " + expected[i].ToString();
                }
            }
            return null;
        }
    }
}
