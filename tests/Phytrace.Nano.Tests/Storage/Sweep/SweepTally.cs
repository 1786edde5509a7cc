namespace Phytrace.Nano.Tests.Storage.Sweep;

/// <summary>Fault images checked per model in this test run (for the closing numbers of a long sweep).</summary>
public static class SweepTally
{
    private static readonly Dictionary<string, long> Images = new();

    public static void Add(string model, long images)
    {
        lock (Images)
        {
            Images[model] = Images.GetValueOrDefault(model) + images;
        }
    }

    public static long Total
    {
        get
        {
            lock (Images)
            {
                return Images.Values.Sum();
            }
        }
    }
}
