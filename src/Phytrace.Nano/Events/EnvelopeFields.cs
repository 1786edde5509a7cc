using Phytrace.Nano.Formats;

namespace Phytrace.Nano.Events
{
    /// <summary>
    /// The top-level names of a UDM v0.0.3 event that the passthrough scanner checks: the eleven
    /// envelope fields (envelope.schema.json) and the 25 domains, provenance and extensions
    /// (event.schema.json), whose values must be objects. A name is found by its length first, so
    /// most keys are ruled out without reading their bytes.
    /// </summary>
    internal static class EnvelopeFields
    {
        public const int UdmVersion = 0;
        public const int EventId = 1;
        public const int EventType = 2;
        public const int SourceId = 3;
        public const int SourceType = 4;
        public const int CapturedAt = 5;
        public const int ReceivedAt = 6;
        public const int SentAt = 7;
        public const int SequenceNum = 8;
        public const int SessionId = 9;
        public const int SdkVersion = 10;

        /// <summary>Ids below this are envelope fields; from it on, names whose value must be an object.</summary>
        public const int FirstObject = 11;

        /// <summary>Bits of the six fields the envelope schema requires (ids 0 to 5).</summary>
        public const long RequiredMask = 0x3F;

        /// <summary>Longest name in the table, in bytes.</summary>
        public const int LongestName = 23;

        // One string split once rather than an array literal: the literal costs the device about
        // nine bytes of byte code per name, and the core's byte code is near the .pe limit of 64 KB.
        private const string AllNames = "udm_version,event_id,event_type,source_id,source_type,captured_at,"
            + "received_at,sent_at,sequence_num,session_id,sdk_version,"
            + "identity,location,motion,power,operational,navigation,perception,safety,"
            + "actuators,communication,compute,ai,maintenance,context,payload,manipulation,"
            + "hri,coordination,simulation,thermal,audio,environment_interaction,compliance,"
            + "provenance,extensions";

        private static readonly string[] Names = Split(AllNames);

        private static readonly byte[][] Bytes = AsciiOf(Names);

        // Ids ordered by name length, and where each length starts in that order.
        private static readonly int[] ByLength = OrderByLength();
        private static readonly int[] LengthStart = StartsOf(ByLength);

        /// <summary>Number of names (field ids are 0 .. Count-1).</summary>
        public const int Count = 36;

        public static string NameOf(int id)
        {
            return Names[id];
        }

        /// <summary>The id of the name text[start..end), or -1 if it is none of them.</summary>
        public static int Find(byte[] text, int start, int end)
        {
            int length = end - start;
            if (length < 2 || length > LongestName)
            {
                return -1;
            }
            byte first = text[start];
            int stop = LengthStart[length + 1];
            for (int k = LengthStart[length]; k < stop; k++)
            {
                int id = ByLength[k];
                byte[] name = Bytes[id];
                if (name[0] != first)
                {
                    continue;
                }
                int i = 1;
                while (i < length && name[i] == text[start + i])
                {
                    i++;
                }
                if (i == length)
                {
                    return id;
                }
            }
            return -1;
        }

        private static string[] Split(string all)
        {
            char[] chars = all.ToCharArray();
            var names = new string[Count];
            int start = 0;
            int n = 0;
            for (int i = 0; i <= chars.Length; i++)
            {
                if (i == chars.Length || chars[i] == ',')
                {
                    names[n++] = new string(chars, start, i - start);
                    start = i + 1;
                }
            }
            return names;
        }

        private static byte[][] AsciiOf(string[] names)
        {
            var bytes = new byte[names.Length][];
            for (int i = 0; i < names.Length; i++)
            {
                bytes[i] = TextChars.AsciiBytes(names[i]);
            }
            return bytes;
        }

        private static int[] OrderByLength()
        {
            var order = new int[Names.Length];
            int n = 0;
            for (int length = 0; length <= LongestName; length++)
            {
                for (int id = 0; id < Names.Length; id++)
                {
                    if (Names[id].Length == length)
                    {
                        order[n++] = id;
                    }
                }
            }
            return order;
        }

        private static int[] StartsOf(int[] order)
        {
            var starts = new int[LongestName + 2];
            int k = 0;
            for (int length = 0; length <= LongestName + 1; length++)
            {
                starts[length] = k;
                while (k < order.Length && Names[order[k]].Length == length)
                {
                    k++;
                }
            }
            return starts;
        }
    }
}
