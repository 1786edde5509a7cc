using System;
using Phytrace.Nano.Platform;
using Phytrace.Nano.Security;
using Phytrace.Nano.Storage;

namespace Phytrace.Nano.DeviceBenchmarks
{
    /// <summary>
    /// Runs on the kit's nanoCLR (compiled by the crypto-device benchmark with nano-compile, not
    /// by the host build): ChaCha20-Poly1305 seal and open per record, and EdgeBuffer enqueue of a
    /// 256-byte record sealed and unsealed on a RAM medium. Prints one line per measurement,
    /// "RESULT name microseconds-per-operation operations", then "BENCHMARK DONE".
    /// </summary>
    public static class CryptoOnNanoClr
    {
        public static void Main()
        {
            try
            {
                // Round lengths: the host compiles with -define:QUICK for --quick.
#if QUICK
                int scale = 1;
#else
                int scale = 16;
#endif
                var key = new byte[32];
                for (int i = 0; i < key.Length; i++)
                {
                    key[i] = (byte)((i * 7) + 1);
                }
                var aead = new ChaCha20Poly1305Aead(key);
                var nonce = new byte[12];
                var aad = new byte[32];
                var tag = new byte[16];
                int[] sizes = new int[] { 64, 256, 1024 };
                for (int s = 0; s < sizes.Length; s++)
                {
                    int size = sizes[s];
                    var data = new byte[size];
                    int n = scale * 8192 / size;
                    aead.Seal(nonce, 0, aad, 0, aad.Length, data, 0, size, tag, 0);
                    long start = DateTime.UtcNow.Ticks;
                    for (int i = 0; i < n; i++)
                    {
                        aead.Seal(nonce, 0, aad, 0, aad.Length, data, 0, size, tag, 0);
                    }
                    long seal = DateTime.UtcNow.Ticks - start;
                    Report("seal " + size.ToString(), seal, n);
                    // Open decrypts in place: each open is followed by a seal that restores the
                    // ciphertext, and the host subtracts the seal's time.
                    start = DateTime.UtcNow.Ticks;
                    for (int i = 0; i < n; i++)
                    {
                        if (!aead.Open(nonce, 0, aad, 0, aad.Length, data, 0, size, tag, 0))
                        {
                            throw new InvalidOperationException("open refused its own seal");
                        }
                        aead.Seal(nonce, 0, aad, 0, aad.Length, data, 0, size, tag, 0);
                    }
                    Report("open+seal " + size.ToString(), DateTime.UtcNow.Ticks - start, n);
                }
                Enqueue("enqueue 256 plain", null, scale);
                Enqueue("enqueue 256 sealed", key, scale);
                Console.WriteLine("BENCHMARK DONE");
            }
            catch (Exception e)
            {
                Console.WriteLine("BENCHMARK FAILED " + e.GetType().Name + ": " + e.Message);
            }
        }

        /// <summary>EdgeBuffer enqueue (sync every 8, RAM medium) of records filling a 256-byte slot, sealed or not.</summary>
        private static void Enqueue(string name, byte[] key, int scale)
        {
            var options = new EdgeBufferOptions();
            options.RecordSize = 256;
            options.SectorSize = 512;
            options.SyncEvery = 8;
            options.MaxEventSize = 1024;
            options.EncryptionKey = key;
            options.Random = key == null ? null : new XorShiftRandom(5);
            int n = scale * 32;
            var medium = new RamMedium(Checkpoint.SlotsOffset + (((n * 2) + 64) * 256));
            var buffer = new EdgeBuffer(medium, options, new ManualWallClock(new DateTime(2026, 11, 30, 12, 0, 0), true));
            int length = SlotFormat.FirstCapacity(256) - RecordSealer.TagSize;
            var payload = new byte[length];
            var id = new byte[16];
            buffer.Enqueue(payload, 0, length, id, 0, 0, true);
            long start = DateTime.UtcNow.Ticks;
            for (int i = 0; i < n; i++)
            {
                if (!buffer.Enqueue(payload, 0, length, id, 0, 0, true))
                {
                    throw new InvalidOperationException(name + ": enqueue " + i.ToString() + " refused");
                }
            }
            Report(name, DateTime.UtcNow.Ticks - start, n);
            buffer.Dispose();
        }

        private static void Report(string name, long ticks, int operations)
        {
            // Ticks are 100 ns: microseconds per operation with one decimal, as an integer of tenths.
            long tenthsOfMicros = ticks / operations;
            Console.WriteLine("RESULT " + name + " " + (tenthsOfMicros / 10).ToString() + "." + (tenthsOfMicros % 10).ToString() + " " + operations.ToString());
        }
    }
}
