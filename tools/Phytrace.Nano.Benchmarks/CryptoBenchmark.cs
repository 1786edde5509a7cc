using Phytrace.Nano.Security;
using DotNetAead = System.Security.Cryptography.ChaCha20Poly1305;

namespace Phytrace.Nano.Benchmarks;

/// <summary>
/// Sealing and opening one record with the portable ChaCha20-Poly1305 (the code the device runs)
/// against .NET's System.Security.Cryptography.ChaCha20Poly1305 (OpenSSL's vectorised code on
/// Linux), at the record sizes the buffer uses; and the allocation per seal.
/// </summary>
public sealed class CryptoBenchmark : IBenchmark
{
    private static readonly int[] Sizes = { 64, 256, 1024 };

    public string Name => "crypto";

    public string Description => "ChaCha20-Poly1305 seal/open per record (portable, as on the device) vs .NET's ChaCha20Poly1305 (OpenSSL)";

    public ResultTable Run(bool quick)
    {
        var table = new ResultTable("crypto", ".NET ChaCha20Poly1305");
        var key = new byte[32];
        new Random(7).NextBytes(key);
        var nonce = new byte[12];
        var aad = new byte[16];
        var tag = new byte[16];
        var ours = new ChaCha20Poly1305Aead(key);
        using var reference = DotNetAead.IsSupported ? new DotNetAead(key) : null;
        int n = quick ? 2000 : 200_000;
        foreach (int size in Sizes)
        {
            var data = new byte[size];
            var output = new byte[size];
            int iterations = n * 64 / size;
            double seal = Measure.OpsPerSecond(() => ours.Seal(nonce, 0, aad, 0, aad.Length, data, 0, size, tag, 0), iterations);
            double dotnetSeal = reference == null ? double.NaN
                : Measure.OpsPerSecond(() => reference.Encrypt(nonce, data, output, tag, aad), iterations);
            table.Add($"seal {size} B", "µs/record", 1e6 / seal, 1e6 / dotnetSeal, "lower is better");

            ours.Seal(nonce, 0, aad, 0, aad.Length, data, 0, size, tag, 0);
            // Open decrypts in place; sealing again after each open keeps the data a valid ciphertext,
            // so the open time is the pair's time less the seal's.
            double pair = Measure.OpsPerSecond(() =>
            {
                ours.Open(nonce, 0, aad, 0, aad.Length, data, 0, size, tag, 0);
                ours.Seal(nonce, 0, aad, 0, aad.Length, data, 0, size, tag, 0);
            }, iterations);
            double open = 1e6 / pair - 1e6 / seal;
            double dotnetOpen = double.NaN;
            if (reference != null)
            {
                reference.Encrypt(nonce, data, output, tag, aad);
                var plain = new byte[size];
                dotnetOpen = 1e6 / Measure.OpsPerSecond(() => reference.Decrypt(nonce, output, tag, plain, aad), iterations);
                ours.Seal(nonce, 0, aad, 0, aad.Length, data, 0, size, tag, 0);
            }
            table.Add($"open {size} B", "µs/record", open, dotnetOpen, "lower is better");
            table.Add($"seal {size} B", "MB/s", seal * size / 1e6, reference == null ? double.NaN : dotnetSeal * size / 1e6, "higher is better");
        }
        var record = new byte[256];
        table.Add("seal 256 B", "bytes allocated/record",
            Measure.AllocatedBytesPerCall(() => ours.Seal(nonce, 0, aad, 0, aad.Length, record, 0, record.Length, tag, 0), 1000),
            reference == null ? double.NaN : Measure.AllocatedBytesPerCall(() => reference.Encrypt(nonce, record, record, tag, aad), 1000), "0");
        return table;
    }
}
