namespace Phytrace.Nano.DeviceGolden;

/// <summary>The checkout the tool belongs to: the folder above it that holds Phytrace.Nano.sln.</summary>
public static class RepoRoot
{
    public static string Find()
    {
        foreach (string start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (string? dir = start; dir != null; dir = Path.GetDirectoryName(dir))
            {
                if (File.Exists(Path.Combine(dir, "Phytrace.Nano.sln")))
                {
                    return dir;
                }
            }
        }
        throw new InvalidOperationException("Phytrace.Nano.sln not found above " + AppContext.BaseDirectory);
    }
}
