using Phytrace.Nano.Compression;
using Phytrace.Nano.Events;
using Phytrace.Nano.Platform;

namespace Phytrace.Nano.DeviceTests.Golden
{
    /// <summary>
    /// gzip members from the encoder (GzipEncoder.Compress): every level 0-9 over five kinds of
    /// input (encoded events as a batch holds them, token text, random bytes, zeros, runs with
    /// noise) of 0 to 66,000 bytes (past one stored block's 65,535), and ten items with non-default
    /// window, hash and block sizes. On .NET the tool inflates every member with GZipStream and
    /// compares it with the input; the device tests inflate the device's output with their own
    /// inflater (Compression/Inflater) as well.
    /// </summary>
    public sealed class GzipSet : IGoldenSet
    {
        public const int Items = 60;
        public const int MaxInput = 66000;
        private const int Seed = 41;

        private static readonly int[] Sizes = { 0, 1, 17, 300, 2500, 7000, 12000 };
        private static readonly string[] Tokens =
        {
            "{\"soc_pct\":", "78.4", ",\"voltage_v\":", "24.17", "},", "\"motion\":{\"speed_mps\":", "0.75", "true", "false",
            "\"amr-7\"", "2026-11-27T12:00:00.000000Z", "\"event_type\":\"telemetry_periodic\"", "[", "]", " ", "null",
        };

        public string Name
        {
            get { return "gzip"; }
        }

        public int Count
        {
            get { return Items; }
        }

        public int Level(int index)
        {
            return index % 10;
        }

        /// <summary>The kind of input: 0 events, 1 tokens, 2 random, 3 zeros, 4 runs with noise.</summary>
        public int Kind(int index)
        {
            return index < 50 ? (index / 10) % 5 : (index % 2 == 0 ? 0 : 1);
        }

        public int Size(int index)
        {
            if (index == 0 || index == 11 || index == 33)
            {
                return MaxInput;
            }
            return Sizes[((index * 3) + (index / 10)) % Sizes.Length];
        }

        /// <summary>The encoder of item <paramref name="index"/>: defaults, or (items 50-59) other window, hash and block sizes.</summary>
        public GzipEncoder Encoder(int index)
        {
            if (index < 50)
            {
                return new GzipEncoder(Level(index));
            }
            XorShiftRandom r = GoldenInputs.ForItem(Seed + 1, index);
            return new GzipEncoder(Level(index), 8 + r.NextInt(8), 8 + r.NextInt(8), 256 + r.NextInt(16129));
        }

        /// <summary>Writes item <paramref name="index"/>'s input to <paramref name="into"/> (at least MaxInput bytes); returns its length.</summary>
        public int Input(int index, byte[] into)
        {
            int size = Size(index);
            XorShiftRandom r = GoldenInputs.ForItem(Seed, index);
            int n = 0;
            switch (Kind(index))
            {
                case 0:
                    var e = new UdmEvent();
                    var encoder = new UdmEventEncoder();
                    var json = new byte[8192];
                    while (n < size)
                    {
                        EventRecipe.Fill(e, r, 0);
                        int length = encoder.Encode(e, json, 0, json.Length);
                        for (int i = 0; i < length && n < size; i++)
                        {
                            into[n++] = json[i];
                        }
                        if (n < size)
                        {
                            into[n++] = (byte)',';
                        }
                    }
                    break;
                case 1:
                    while (n < size)
                    {
                        char[] token = Tokens[r.NextInt(Tokens.Length)].ToCharArray();
                        for (int i = 0; i < token.Length && n < size; i++)
                        {
                            into[n++] = (byte)token[i];
                        }
                    }
                    break;
                case 2:
                    r.NextBytes(into, 0, size);
                    n = size;
                    break;
                case 3:
                    System.Array.Clear(into, 0, size);
                    n = size;
                    break;
                default:
                    while (n < size)
                    {
                        byte value = (byte)r.NextInt(4);
                        int run = 1 + r.NextInt(300);
                        for (int i = 0; i < run && n < size; i++)
                        {
                            into[n++] = r.NextInt(50) == 0 ? (byte)r.NextInt(256) : value;
                        }
                    }
                    break;
            }
            return n;
        }

        public int Produce(int index, byte[] output)
        {
            var input = new byte[MaxInput];
            int length = Input(index, input);
            return Encoder(index).Compress(input, 0, length, output, 0, GzipEncoder.MaxCompressedSize(length));
        }

        public string Describe(int index)
        {
            string[] kinds = { "encoded events", "token text", "random bytes", "zeros", "runs with noise" };
            return "gzip #" + index.ToString() + " (level " + Level(index).ToString() + ", " + Size(index).ToString() + " bytes of " + kinds[Kind(index)]
                + (index >= 50 ? ", non-default window/hash/block sizes" : string.Empty) + ")";
        }
    }
}
