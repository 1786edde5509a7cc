using System.Globalization;
using Phytrace.Nano.DeviceTestRunner;
using Phytrace.Nano.Platform;
using Phytrace.Nano.Security;
using Phytrace.Nano.Storage;

namespace Phytrace.Nano.Benchmarks;

/// <summary>
/// Encryption at rest on the device runtime: OnNanoClr/CryptoOnNanoClr.cs and the core compiled
/// with the kit's nano-compile (optimised, as a Release deployment), run on its nanoCLR; seal and
/// open per record and EdgeBuffer enqueue sealed and unsealed, each beside the same portable code
/// on .NET in this run, with the ESP32 estimate (nanoCLR x90: CoreMark of this machine kind
/// against one ESP32 LX6 core at 240 MHz, good to about x/÷3) against the goal of 5 ms to seal a
/// 256-byte record. Without the kit (../shared/nanoframework or $PHYTRACE_NANO_KIT) it says why.
/// </summary>
public sealed class CryptoDeviceBenchmark : IBenchmark
{
    private const double Esp32Factor = 90;
    private const double SealGoalMs = 5;

    public string Name => "crypto-device";

    public string Description => "ChaCha20-Poly1305 seal/open and sealed enqueue on the kit's nanoCLR, ESP32 estimate (x90) vs the 5 ms goal; .NET beside it";

    public ResultTable Run(bool quick)
    {
        var table = new ResultTable("crypto on nanoCLR (ESP32 estimate = nanoCLR x90, an estimate good to about x/÷3)", ".NET, same code");
        string root = FindRepoRoot();
        string kit = Environment.GetEnvironmentVariable("PHYTRACE_NANO_KIT") is { Length: > 0 } configured
            ? configured : Path.GetFullPath(Path.Combine(root, "..", "shared", "nanoframework"));
        if (!File.Exists(Path.Combine(kit, "bin", "nano-run")))
        {
            table.Add($"skipped: no nanoFramework kit at {kit} (set PHYTRACE_NANO_KIT)", "-", double.NaN, double.NaN);
            return table;
        }
        Dictionary<string, double> nano = RunOnNanoClr(root, kit, quick);
        Dictionary<string, double> host = RunOnDotNet(quick);
        foreach (int size in new[] { 64, 256, 1024 })
        {
            string seal = $"seal {size}";
            double open = nano[$"open+seal {size}"] - nano[seal];
            table.Add($"seal {size} B record", "µs/record, nanoCLR", nano[seal], host[seal], "information: interpreter / JIT");
            table.Add($"seal {size} B record", "ms/record, ESP32 estimate", nano[seal] * Esp32Factor / 1000,
                size == 256 ? SealGoalMs : double.NaN, size == 256 ? $"<= {SealGoalMs} ms (baseline column: the goal; ratio = times over it)" : "information");
            table.Add($"open {size} B record", "µs/record, nanoCLR", open, host[$"open {size}"], "information");
            table.Add($"open {size} B record", "ms/record, ESP32 estimate", open * Esp32Factor / 1000, double.NaN, "information");
        }
        double sealedEnqueue = nano["enqueue 256 sealed"];
        double plainEnqueue = nano["enqueue 256 plain"];
        table.Add("EdgeBuffer.Enqueue, 256 B slot, sealed", "µs/event, nanoCLR", sealedEnqueue, plainEnqueue, "baseline column: unsealed enqueue on nanoCLR");
        table.Add("EdgeBuffer.Enqueue, 256 B slot, sealed", "ms/event, ESP32 estimate", sealedEnqueue * Esp32Factor / 1000, plainEnqueue * Esp32Factor / 1000, "baseline column: unsealed");
        table.Add("EdgeBuffer.Enqueue, 256 B slot, sealed", "µs/event, .NET", host["enqueue 256 sealed"], host["enqueue 256 plain"], "baseline column: unsealed");
        return table;
    }

    /// <summary>Compiles the core and the program with the kit (optimised), runs it, parses its RESULT lines (µs per operation).</summary>
    private static Dictionary<string, double> RunOnNanoClr(string root, string kit, bool quick)
    {
        string dir = Directory.CreateTempSubdirectory("phytrace-crypto-nano-").FullName;
        try
        {
            string foundation = Path.Combine(dir, "Phytrace.Nano.Foundation.dll");
            string core = Path.Combine(dir, "Phytrace.Nano.dll");
            string program = Path.Combine(dir, "CryptoOnNanoClr.exe");
            var options = new List<string> { "-define:TRACE", "-optimize" };
            if (quick)
            {
                options.Add("-define:QUICK");
            }
            // The cipher lives in the Foundation, its own assembly on the device, as deployed.
            Step(kit, "nano-compile", new[] { "-out", foundation, "-nowarn:8632" }.Concat(options).Append(Path.Combine(root, "src", "Phytrace.Nano.Foundation")));
            Step(kit, "nano-compile", new[] { "-out", core, "-nowarn:8632", "-r", foundation }.Concat(options).Append(Path.Combine(root, "src", "Phytrace.Nano")));
            Step(kit, "nano-compile", new[] { "-out", program, "-target", "exe", "-r", core, "-r", foundation }.Concat(options)
                .Append(Path.Combine(root, "tools", "Phytrace.Nano.Benchmarks", "OnNanoClr")));
            Step(kit, "nano-pe", new[] { foundation });
            Step(kit, "nano-pe", new[] { core, foundation });
            Step(kit, "nano-pe", new[] { program, core, foundation });
            string output = Step(kit, "nano-run", new[] { "-t", "900", "-expect", "BENCHMARK DONE", Path.ChangeExtension(foundation, ".pe"), Path.ChangeExtension(core, ".pe"), Path.ChangeExtension(program, ".pe") });
            var results = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (string line in output.Split('\n'))
            {
                if (!line.StartsWith("RESULT ", StringComparison.Ordinal))
                {
                    continue;
                }
                string[] parts = line.Substring(7).Trim().Split(' ');
                // "name words... microseconds operations"
                string name = string.Join(' ', parts.Take(parts.Length - 2));
                results[name] = double.Parse(parts[^2], CultureInfo.InvariantCulture);
            }
            return results;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static string Step(string kit, string script, IEnumerable<string> arguments)
    {
        ToolResult result = ToolProcess.Run("bash", new[] { Path.Combine(kit, "bin", script) }.Concat(arguments), TimeSpan.FromMinutes(16));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} failed (status {result.ExitCode}):\n{result.Output}");
        }
        return result.Output;
    }

    /// <summary>The same operations with the same code under .NET's JIT, µs per operation.</summary>
    private static Dictionary<string, double> RunOnDotNet(bool quick)
    {
        var results = new Dictionary<string, double>(StringComparer.Ordinal);
        var key = new byte[32];
        for (int i = 0; i < key.Length; i++)
        {
            key[i] = (byte)((i * 7) + 1);
        }
        var aead = new ChaCha20Poly1305Aead(key);
        var nonce = new byte[12];
        var aad = new byte[32];
        var tag = new byte[16];
        int scale = quick ? 200 : 2000;
        foreach (int size in new[] { 64, 256, 1024 })
        {
            var data = new byte[size];
            int n = scale * 1024 / size;
            double seal = 1e6 / Measure.OpsPerSecond(() => aead.Seal(nonce, 0, aad, 0, aad.Length, data, 0, size, tag, 0), n);
            double pair = 1e6 / Measure.OpsPerSecond(() =>
            {
                aead.Open(nonce, 0, aad, 0, aad.Length, data, 0, size, tag, 0);
                aead.Seal(nonce, 0, aad, 0, aad.Length, data, 0, size, tag, 0);
            }, n);
            results[$"seal {size}"] = seal;
            results[$"open {size}"] = pair - seal;
        }
        results["enqueue 256 plain"] = EnqueueMicros(null, scale);
        results["enqueue 256 sealed"] = EnqueueMicros(key, scale);
        return results;
    }

    private static double EnqueueMicros(byte[]? key, int scale)
    {
        var options = new EdgeBufferOptions { RecordSize = 256, SectorSize = 512, SyncEvery = 8, MaxEventSize = 1024, EncryptionKey = key, Random = key == null ? null : new XorShiftRandom(5) };
        int n = scale * 16;
        using var buffer = new EdgeBuffer(new RamMedium(Checkpoint.SlotsOffset + (((4 * n) + 4000 + 64) * 256)), options, new ManualWallClock(new DateTime(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc), true));
        int length = SlotFormat.FirstCapacity(256) - RecordSealer.TagSize;
        var payload = new byte[length];
        var id = new byte[16];
        return 1e6 / Measure.OpsPerSecond(() => buffer.Enqueue(payload, 0, length, id, 0, 0, true), n);
    }

    private static string FindRepoRoot()
    {
        for (string? dir = AppContext.BaseDirectory; dir != null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Combine(dir, "Phytrace.Nano.sln")))
            {
                return dir;
            }
        }
        throw new InvalidOperationException("Phytrace.Nano.sln not found above " + AppContext.BaseDirectory);
    }
}
