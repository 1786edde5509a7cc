namespace Phytrace.Nano.DeviceTests.Golden
{
    /// <summary>
    /// A numbered set of inputs and what the core makes of each, for differential tests: the same
    /// source runs on .NET (tools/Phytrace.Nano.DeviceGolden records the CRC-32 of every output as
    /// checked-in test data, after checking the outputs against .NET's own libraries) and on the
    /// device's runtime (the device tests compare their outputs with that data). Inputs are made
    /// from the item's number alone (seeded <see cref="Platform.XorShiftRandom"/>, integer
    /// arithmetic), so both runtimes build the same inputs and any item can be rebuilt by itself.
    /// </summary>
    public interface IGoldenSet
    {
        /// <summary>Short name (file names, failure messages, the tool's "show" command).</summary>
        string Name { get; }

        /// <summary>Items in the set.</summary>
        int Count { get; }

        /// <summary>Runs the core on item <paramref name="index"/>'s input; writes its output to <paramref name="output"/> and returns the byte count.</summary>
        int Produce(int index, byte[] output);

        /// <summary>The input of item <paramref name="index"/> in words, for failure messages.</summary>
        string Describe(int index);
    }
}
