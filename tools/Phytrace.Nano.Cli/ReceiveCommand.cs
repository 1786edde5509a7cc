using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using Phytrace.Nano.Host.Mqtt;
using Phytrace.Nano.Host.Receiving;
using Spectre.Console;

namespace Phytrace.Nano.Cli;

/// <summary>
/// `receive --broker URL`: subscribes to every node's batches, decodes and de-duplicates them by
/// event_id, appends each new event to OUT/{source_id}.ndjson (flushed after every batch, so the
/// files always end with a whole line), and keeps quarantined records (raw bytes a node could not
/// send as events) in OUT/quarantine/{source_id}-{sequence}.bin. On a terminal one status line is
/// updated in place; into a redirected log it writes only what happened (undecodable batches,
/// quarantined records) and the closing summary. mqtts:// connects over TLS (--ca-file, and --cert-file/--key-file
/// for mutual TLS).
/// </summary>
public static class ReceiveCommand
{
    public static Command Create(IAnsiConsole console, CancellationToken cancel)
    {
        var broker = new Option<string>("--broker") { Description = "broker URL, mqtt://host[:port] or mqtts://host[:port] (TLS)", Required = true };
        var caFile = new Option<string?>(TlsCommandLine.CaFileOption) { Description = TlsCommandLine.CaFileHelp };
        var certFile = new Option<string?>(TlsCommandLine.CertFileOption) { Description = TlsCommandLine.CertFileHelp };
        var keyFile = new Option<string?>(TlsCommandLine.KeyFileOption) { Description = TlsCommandLine.KeyFileHelp };
        var output = new Option<DirectoryInfo>("--out") { Description = "folder for {source_id}.ndjson files", DefaultValueFactory = _ => new DirectoryInfo("received") };
        var seconds = new Option<int>("--seconds") { Description = "stop after this many seconds (0: until Ctrl+C)" };
        var count = new Option<int>("--count") { Description = "stop after this many unique events (0: no limit)" };
        var command = new Command("receive", "receive UDM batches from MQTT, de-duplicate by event_id, write NDJSON per source") { broker, caFile, certFile, keyFile, output, seconds, count };
        command.SetAction(parse => Run(console, parse.GetValue(broker)!, parse.GetValue(output)!, parse.GetValue(seconds), parse.GetValue(count), cancel,
            parse.GetValue(caFile), parse.GetValue(certFile), parse.GetValue(keyFile)));
        return command;
    }

    public static int Run(IAnsiConsole console, string brokerUrl, DirectoryInfo outDir, int seconds, int count, CancellationToken cancel,
        string? caFile = null, string? certFile = null, string? keyFile = null)
    {
        BrokerAddress address;
        MqttTlsSettings? tls;
        try
        {
            address = BrokerAddress.Parse(brokerUrl);
            tls = TlsCommandLine.Resolve(address, caFile, certFile, keyFile);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            return 2;
        }
        if (seconds < 0 || count < 0)
        {
            console.MarkupLine("[red]error:[/] --seconds and --count must be 0 or more");
            return 2;
        }

        outDir.Create();
        var writers = new Dictionary<string, StreamWriter>(StringComparer.Ordinal);
        var writeGate = new object();
        bool closed = false;
        // Lines for the console, printed by the loop's thread (MQTTnet raises events on its own).
        var notices = new ConcurrentQueue<string>();
        using var receiver = new BatchReceiver(address.Host, address.Port, "phytrace-nano-receive-" + Environment.ProcessId, tls: tls);
        receiver.EventReceived += ev =>
        {
            lock (writeGate)
            {
                if (closed)
                {
                    return; // arrived after the run ended; the broker keeps it for a persistent session only
                }
                string source = ev.SourceId.Length > 0 ? ev.SourceId : "unknown";
                if (!writers.TryGetValue(source, out StreamWriter? writer))
                {
                    writers[source] = writer = new StreamWriter(Path.Combine(outDir.FullName, SafeFileName(source) + ".ndjson"), append: true);
                }
                writer.WriteLine(ev.Json);
            }
        };
        receiver.BatchReceived += _ =>
        {
            lock (writeGate)
            {
                if (closed)
                {
                    return;
                }
                foreach (StreamWriter writer in writers.Values)
                {
                    writer.Flush();
                }
            }
        };
        receiver.RecordQuarantined += record =>
        {
            string folder = Path.Combine(outDir.FullName, "quarantine");
            Directory.CreateDirectory(folder);
            string path = Path.Combine(folder, SafeFileName(record.SourceId) + "-" + record.Sequence + ".bin");
            File.WriteAllBytes(path, record.Payload);
            notices.Enqueue($"[yellow]quarantined:[/] {Markup.Escape(record.SourceId)} record {record.Sequence} ({record.Payload.Length} bytes) -> {Markup.Escape(path)}");
        };
        try
        {
            receiver.Start(TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
            console.MarkupLineInterpolated($"[red]error:[/] broker {address} did not answer within 5 s");
            return 3;
        }
        catch (System.Security.Authentication.AuthenticationException e)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            return 3;
        }

        console.MarkupLineInterpolated($"receiving from {address} into {outDir.FullName} (Ctrl+C to stop)");
        var watch = Stopwatch.StartNew();
        bool Running() => !cancel.IsCancellationRequested
            && (seconds == 0 || watch.Elapsed.TotalSeconds < seconds)
            && (count == 0 || receiver.UniqueEvents < count);
        int errorsShown = 0;
        void PrintNotices()
        {
            while (notices.TryDequeue(out string? notice))
            {
                console.MarkupLine(notice);
            }
            IReadOnlyList<string> errors = receiver.Errors;
            for (; errorsShown < errors.Count; errorsShown++)
            {
                console.MarkupLineInterpolated($"[yellow]undecodable:[/] {errors[errorsShown]}");
            }
        }

        if (console.Profile.Capabilities.Interactive)
        {
            console.Status().Start("waiting for batches", status =>
            {
                long lastEvents = 0;
                var lastReport = watch.Elapsed;
                while (Running())
                {
                    Thread.Sleep(100);
                    PrintNotices();
                    if ((watch.Elapsed - lastReport).TotalSeconds >= 1)
                    {
                        long now = receiver.UniqueEvents;
                        double rate = (now - lastEvents) / (watch.Elapsed - lastReport).TotalSeconds;
                        status.Status($"{now} events ({rate:0} /s), {receiver.Batches} batches, {receiver.Duplicates} duplicates dropped, {receiver.Sources.Count} sources");
                        lastEvents = now;
                        lastReport = watch.Elapsed;
                    }
                }
            });
        }
        else
        {
            while (Running())
            {
                Thread.Sleep(100);
                PrintNotices();
            }
        }
        lock (writeGate)
        {
            closed = true;
            foreach (StreamWriter writer in writers.Values)
            {
                writer.Dispose();
            }
        }
        PrintNotices();
        double ratio = receiver.PayloadBytes == 0 ? 0 : receiver.JsonBytes / (double)receiver.PayloadBytes;
        console.MarkupLineInterpolated($"done: {receiver.UniqueEvents} unique events from {receiver.Sources.Count} sources in {receiver.Batches} batches, {receiver.Duplicates} duplicates dropped, {receiver.Quarantined.Count} quarantined records, compression {ratio:0.0}x");
        return 0;
    }

    private static string SafeFileName(string source)
    {
        char[] invalid = Path.GetInvalidFileNameChars();
        return new string(source.Select(c => invalid.Contains(c) ? '_' : c).ToArray());
    }
}
