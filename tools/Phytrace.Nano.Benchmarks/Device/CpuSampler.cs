namespace Phytrace.Nano.Benchmarks.Device;

/// <summary>
/// Samples, every couple of milliseconds, the CPU time (nanoseconds on a CPU, from
/// /proc/PID/task/*/schedstat) of the nanoCLR process that a started process tree runs, with the
/// UTC time of each sample. CPU time is what other load on a shared machine does not inflate
/// (wall-clock figures can be several times too high there). Linux only; elsewhere, or where the
/// kernel keeps no schedstat, there are no samples and the wall-clock figures stand alone.
/// </summary>
public sealed class CpuSampler : IDisposable
{
    private const string NanoClrName = "nanoFramework.n";  // /proc/PID/comm keeps 15 characters
    private readonly int rootPid;
    private readonly Thread thread;
    private readonly List<(long Ticks, long CpuNs)> samples = new();
    private volatile bool stop;
    private int foundPid;

    public CpuSampler(int rootPid)
    {
        this.rootPid = rootPid;
        thread = new Thread(Run) { IsBackground = true, Name = "nanoCLR CPU sampler", Priority = ThreadPriority.AboveNormal };
        thread.Start();
    }

    /// <summary>
    /// The process's CPU nanoseconds at UTC <paramref name="ticks"/>, from a sample taken while the
    /// device program slept after printing that instant (within <paramref name="windowTicks"/>), or
    /// null if there is none.
    /// </summary>
    public long? CpuAt(long ticks, long windowTicks)
    {
        lock (samples)
        {
            long target = ticks + (windowTicks / 2);
            (long Ticks, long CpuNs)? best = null;
            foreach (var sample in samples)
            {
                if (sample.Ticks > ticks && sample.Ticks < ticks + windowTicks
                    && (best == null || Math.Abs(sample.Ticks - target) < Math.Abs(best.Value.Ticks - target)))
                {
                    best = sample;
                }
            }
            return best?.CpuNs;
        }
    }

    /// <summary>Samples taken, the nanoCLR process id found (0: none), for diagnostics.</summary>
    public string Summary()
    {
        lock (samples)
        {
            return $"{samples.Count} CPU samples of nanoCLR process {foundPid}";
        }
    }

    public void Dispose()
    {
        stop = true;
        thread.Join();
    }

    private void Run()
    {
        int pid = 0;
        while (!stop)
        {
            if (pid == 0)
            {
                pid = FindNanoClr();
                foundPid = pid;
            }
            else
            {
                long? cpu = ReadCpuNs(pid);
                if (cpu == null)
                {
                    return;  // the process has exited
                }
                lock (samples)
                {
                    samples.Add((DateTime.UtcNow.Ticks, cpu.Value));
                }
            }
            Thread.Sleep(2);
        }
    }

    private int FindNanoClr()
    {
        try
        {
            var parentOf = new Dictionary<int, int>();
            foreach (string dir in Directory.EnumerateDirectories("/proc"))
            {
                if (int.TryParse(Path.GetFileName(dir), out int pid) && TryReadParent(dir, out int parent))
                {
                    parentOf[pid] = parent;
                }
            }
            foreach (var (pid, _) in parentOf)
            {
                if (IsDescendant(pid, parentOf) && ReadComm(pid).StartsWith(NanoClrName, StringComparison.Ordinal))
                {
                    return pid;
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return 0;
    }

    private bool IsDescendant(int pid, Dictionary<int, int> parentOf)
    {
        for (int depth = 0; depth < 16 && parentOf.TryGetValue(pid, out int parent); depth++)
        {
            if (parent == rootPid)
            {
                return true;
            }
            pid = parent;
        }
        return false;
    }

    private static bool TryReadParent(string dir, out int parent)
    {
        parent = 0;
        try
        {
            // "pid (comm) state ppid ...": comm may hold spaces, so read after the last ')'.
            string stat = File.ReadAllText(Path.Combine(dir, "stat"));
            string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.TryParse(fields[1], out parent);
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static string ReadComm(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm").Trim();
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }

    private static long? ReadCpuNs(int pid)
    {
        string taskDir = $"/proc/{pid}/task";
        if (!Directory.Exists(taskDir))
        {
            return null;  // the process has exited
        }
        long total = 0;
        try
        {
            foreach (string task in Directory.EnumerateDirectories(taskDir))
            {
                // A thread may end between listing and reading; it no longer counts.
                string text;
                try
                {
                    text = File.ReadAllText(Path.Combine(task, "schedstat"));
                }
                catch (IOException)
                {
                    continue;
                }
                total += long.Parse(text.AsSpan(0, text.IndexOf(' ')), System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
        return total;
    }
}
