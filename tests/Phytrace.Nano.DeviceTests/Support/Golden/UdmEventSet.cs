using System;
using Phytrace.Nano.Events;
using Phytrace.Nano.Formats;

namespace Phytrace.Nano.DeviceTests.Golden
{
    /// <summary>
    /// Whole events through the validator and the encoder (<see cref="EventRecipe"/>): each of the
    /// validator's refusals once, then random events, one in eight made invalid in a random way.
    /// A valid event's output is its JSON; an invalid one's is {"invalid":field,"message":text}.
    /// On .NET the tool checks every JSON output parses and carries the recipe's id, type and times.
    /// </summary>
    public sealed class UdmEventSet : IGoldenSet
    {
        public const int Random = 240;
        private const int Seed = 37;

        public string Name
        {
            get { return "events"; }
        }

        public int Count
        {
            get { return EventRecipe.Invalids + Random; }
        }

        /// <summary>Fills <paramref name="e"/> with item <paramref name="index"/>'s event; returns which invalid variant it is (0: valid).</summary>
        public int Input(int index, UdmEvent e)
        {
            Phytrace.Nano.Platform.XorShiftRandom random = GoldenInputs.ForItem(Seed, index);
            int invalid = index < EventRecipe.Invalids ? index + 1 : (random.NextInt(8) == 0 ? 1 + random.NextInt(EventRecipe.Invalids) : 0);
            EventRecipe.Fill(e, random, invalid);
            return invalid;
        }

        public int Produce(int index, byte[] output)
        {
            var e = new UdmEvent();
            Input(index, e);
            try
            {
                return new UdmEventEncoder().Encode(e, output, 0, output.Length);
            }
            catch (UdmValidationException x)
            {
                var writer = new JsonWriter();
                writer.Reset(output, 0, output.Length);
                writer.WriteStartObject();
                writer.WriteString("invalid", x.Field);
                writer.WriteString("message", x.Message);
                writer.WriteEndObject();
                return writer.Length;
            }
        }

        public string Describe(int index)
        {
            var e = new UdmEvent();
            int invalid = Input(index, e);
            return "event #" + index.ToString() + (invalid > 0 ? " (invalid variant " + invalid.ToString() + ")" : " (valid)")
                + ", event_type " + ((int)e.EventType).ToString() + ", captured_at " + e.CapturedAtMicros.ToString() + " us";
        }
    }
}
