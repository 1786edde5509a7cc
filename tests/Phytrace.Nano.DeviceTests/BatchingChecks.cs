using Phytrace.Nano.Batching;
using Phytrace.Nano.Platform;

namespace Phytrace.Nano.DeviceTests
{
    /// <summary>Checks of batch closing and the batch envelope on the device's runtime.</summary>
    public static class BatchingChecks
    {
        private static readonly byte[] Event = Ascii("{\"udm_version\":\"0.0.3\"}");

        public static void Run(CheckRunner r)
        {
            r.BeginSuite("Batching");
            r.Run("ClosesOnCount", delegate
            {
                var p = new BatchProcessor(new BatchConfig(3, 1000, BatchCompression.Gzip, 6, 1024), new ManualTickClock(0), new XorShiftRandom(1), null);
                p.Start();
                Expect.True(p.Add(Event, 0, Event.Length, 0) == null, "first event leaves the batch open");
                Expect.True(p.Add(Event, 0, Event.Length, 1) == null, "second event leaves the batch open");
                Batch b = p.Add(Event, 0, Event.Length, 2);
                Expect.True(b != null, "third event closes the batch");
                Expect.Equal(3, b.EventCount, "events in batch");
                Expect.Equal(0x1F, b.Payload[b.PayloadOffset], "gzip payload");
            });
            r.Run("ClosesOnAge", delegate
            {
                var clock = new ManualTickClock(0);
                var p = new BatchProcessor(new BatchConfig(100, 500, BatchCompression.None, 6, 1024), clock, new XorShiftRandom(1), null);
                p.Start();
                p.Add(Event, 0, Event.Length, 0);
                clock.Advance(499);
                Expect.True(p.Poll() == null, "open at 499 ms");
                clock.Advance(1);
                Batch b = p.Poll();
                Expect.True(b != null, "closed at 500 ms");
                Expect.Equal(1, b.EventCount, "events in batch");
            });
            r.Run("EnvelopeText", delegate
            {
                var p = new BatchProcessor(new BatchConfig(2, 1000, BatchCompression.None, 6, 1024), new ManualTickClock(0), new XorShiftRandom(1), null);
                p.Start();
                p.Add(Event, 0, Event.Length, 0);
                Batch b = p.Add(Event, 0, Event.Length, 1000000)!;
                string text = Text(b.Payload, b.PayloadOffset, b.PayloadLength);
                string head = "{\"batch\":{\"batch_id\":\"";
                Expect.Equal(head, text.Substring(0, head.Length), "envelope start");
                string tail = "\",\"batch_size\":2,\"first_event_at\":\"1970-01-01T00:00:00.000000Z\",\"last_event_at\":\"1970-01-01T00:00:01.000000Z\",\"compression\":\"none\",\"events\":[{\"udm_version\":\"0.0.3\"},{\"udm_version\":\"0.0.3\"}]}}";
                Expect.Equal(tail, text.Substring(head.Length + 36), "envelope after the batch id");
                Expect.Equal("4", text.Substring(head.Length + 14, 1), "UUID version 4");
            });
        }

        private static byte[] Ascii(string s)
        {
            var b = new byte[s.Length];
            for (int i = 0; i < s.Length; i++)
            {
                b[i] = (byte)s[i];
            }
            return b;
        }

        private static string Text(byte[] b, int offset, int count)
        {
            var chars = new char[count];
            for (int i = 0; i < count; i++)
            {
                chars[i] = (char)b[offset + i];
            }
            return new string(chars);
        }
    }
}
