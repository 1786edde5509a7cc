using System.Text;
using Phytrace.Nano.DeviceGolden;

// device-golden                 writes tests/Phytrace.Nano.DeviceTests/Golden/*.g.cs
// device-golden --check         exits 1 if a checked-in file differs from what .NET produces now
// device-golden show SET INDEX  prints item INDEX of SET: its input and .NET's output
string root = RepoRoot.Find();
if (args.Length == 3 && args[0] == "show")
{
    GoldenEntry? entry = GoldenCatalog.Find(args[1]);
    if (entry == null || !int.TryParse(args[2], out int index) || index < 0 || index >= entry.Set.Count)
    {
        Console.Error.WriteLine($"usage: show SET INDEX; sets: {string.Join(", ", GoldenCatalog.All.Select(e => $"{e.Set.Name} (0..{e.Set.Count - 1})"))}");
        return 2;
    }
    var buffer = new byte[1024 * 1024];
    int length = entry.Set.Produce(index, buffer);
    Console.WriteLine(entry.Set.Describe(index));
    Console.WriteLine($"{length} bytes: {Encoding.UTF8.GetString(buffer, 0, length)}");
    Console.WriteLine($"hex: {Convert.ToHexString(buffer, 0, Math.Min(length, 2048))}");
    return 0;
}
bool check = args.Length == 1 && args[0] == "--check";
if (args.Length > 0 && !check)
{
    Console.Error.WriteLine("usage: device-golden [--check] | show SET INDEX");
    return 2;
}
int stale = 0;
foreach (GoldenEntry entry in GoldenCatalog.All)
{
    var clock = System.Diagnostics.Stopwatch.StartNew();
    string text = GoldenFile.Render(entry, GoldenFile.Outputs(entry));
    Console.Write($"[{clock.Elapsed.TotalSeconds:0.0} s] ");
    string path = GoldenFile.PathOf(root, entry);
    bool same = File.Exists(path) && File.ReadAllText(path) == text;
    if (check)
    {
        stale += same ? 0 : 1;
        Console.WriteLine($"{entry.Set.Name}: {entry.Set.Count} items, {(same ? "current" : $"STALE ({path}); regenerate with `{GoldenFile.Command}`")}");
    }
    else
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        Console.WriteLine($"{entry.Set.Name}: {entry.Set.Count} items checked on .NET, {(same ? "unchanged" : "written")}: {Path.GetRelativePath(root, path)}");
    }
}
return stale == 0 ? 0 : 1;
