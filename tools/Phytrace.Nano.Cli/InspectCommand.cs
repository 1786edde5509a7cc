using System.CommandLine;
using System.Globalization;
using System.Text;
using Phytrace.Nano.Formats;
using Phytrace.Nano.Storage;
using Spectre.Console;

namespace Phytrace.Nano.Cli;

/// <summary>
/// `inspect &lt;buffer file&gt; [--export events.ndjson]`: format, geometry, live records, corrupt
/// slots, oldest and newest, consumed-through sequence of an EdgeBuffer image, read without
/// writing. Exit 0: intact; 1: corrupt slots or damaged checkpoints found; 2: cannot inspect.
/// </summary>
public static class InspectCommand
{
    private const int ListedCorruptSlots = 20;
    private static readonly byte[] CheckpointMagic = "PNCK"u8.ToArray();

    public static Command Create(IAnsiConsole console)
    {
        var file = new Argument<FileInfo>("buffer") { Description = "EdgeBuffer image (the file on SD card or flash)" };
        var export = new Option<FileInfo?>("--export") { Description = "write the live, intact events as NDJSON to this file" };
        var command = new Command("inspect", "show a buffer image's format, geometry, live records and corrupt slots") { file, export };
        command.SetAction(parse => Run(console, parse.GetValue(file)!, parse.GetValue(export), DateTime.UtcNow));
        return command;
    }

    public static int Run(IAnsiConsole console, FileInfo file, FileInfo? export, DateTime now)
    {
        if (!file.Exists)
        {
            return Fail(console, $"file '{file.FullName}' not found");
        }
        if (export != null && string.Equals(Path.GetFullPath(export.FullName), Path.GetFullPath(file.FullName), StringComparison.Ordinal))
        {
            return Fail(console, "--export must name another file than the buffer being inspected");
        }
        BufferImage image;
        ReadOnlyFileMedium medium;
        try
        {
            medium = new ReadOnlyFileMedium(file.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(console, $"cannot read '{file.FullName}': {e.Message}");
        }
        using (medium)
        {
            string? notABuffer = CheckHeader(medium, file.Name);
            if (notABuffer != null)
            {
                return Fail(console, notABuffer);
            }
            try
            {
                image = BufferImage.Read(medium);
            }
            catch (InvalidOperationException e)
            {
                return Fail(console, $"{file.Name}: {e.Message}");
            }
            long needed = Checkpoint.SlotsOffset + (image.Checkpoint.SlotCount * image.Checkpoint.RecordSize);
            if (medium.Length < needed)
            {
                return Fail(console, $"{file.Name} is truncated: its checkpoint describes {image.Checkpoint.SlotCount} slots of {image.Checkpoint.RecordSize} bytes ({needed} bytes in all) but the file has {medium.Length} bytes");
            }
        }

        Report(console, file, image, now);
        if (export != null)
        {
            int written;
            try
            {
                written = Export(image, export);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return Fail(console, $"cannot write --export file '{export.FullName}': {e.Message}");
            }
            console.MarkupLineInterpolated($"exported {written} live events to {export.FullName}");
        }
        return image.CorruptSlots.Count > 0 || image.Inspector.DamagedCheckpoints > 0 ? 1 : 0;
    }

    /// <summary>A clear message if the file cannot be a buffer image at all (too short, another magic); null if it may be one.</summary>
    private static string? CheckHeader(IStorageMedium medium, string name)
    {
        if (medium.Length < 4)
        {
            return $"{name} is not a Phytrace.Nano buffer: {medium.Length} bytes, a buffer image has at least {Checkpoint.SlotsOffset} bytes of checkpoints before its slots";
        }
        // The magic first, so a foreign file is named as such whatever its length.
        var magic = new byte[16];
        bool hasMagic = false;
        for (int place = 0; place < Checkpoint.Places && (long)place * Checkpoint.Stride + 4 <= medium.Length; place++)
        {
            medium.Read((long)place * Checkpoint.Stride, magic, 0, 4);
            hasMagic |= magic.AsSpan(0, 4).SequenceEqual(CheckpointMagic);
        }
        if (hasMagic && medium.Length < Checkpoint.SlotsOffset)
        {
            return $"{name} is truncated: {medium.Length} bytes, a buffer image has at least {Checkpoint.SlotsOffset} bytes of checkpoints before its slots";
        }
        if (hasMagic)
        {
            return null;
        }
        medium.Read(0, magic, 0, 4);
        return $"{name} is not a Phytrace.Nano buffer: expected the checkpoint magic 'PNCK' (50 4E 43 4B) at offset 0 or another checkpoint place, found {Convert.ToHexString(magic, 0, 4)} ('{Printable(magic.AsSpan(0, 4))}')";
    }

    private static void Report(IAnsiConsole console, FileInfo file, BufferImage image, DateTime now)
    {
        Checkpoint cp = image.Checkpoint;
        BufferRecord[] live = image.LiveRecords.ToArray();
        int removed = image.Records.Count - live.Length;
        long regionBytes = Checkpoint.SlotsOffset + (cp.SlotCount * cp.RecordSize);
        console.MarkupLineInterpolated($"[bold]{file.Name}[/]: Phytrace.Nano buffer, format version {Checkpoint.Version}, region id {cp.RegionId:X8}");
        console.MarkupLineInterpolated($"geometry: region {regionBytes} bytes, record size {cp.RecordSize}, {cp.SlotCount} slots, sector size {cp.SectorSize}");
        console.MarkupLineInterpolated($"checkpoints: {image.Inspector.ValidCheckpoints} valid, {image.Inspector.DamagedCheckpoints} damaged, newest generation {cp.Generation}");
        console.MarkupLineInterpolated($"live records: {live.Length} ({live.Length - image.RecoveredPastCheckpoint} in the checkpoint's range, which counts {cp.LiveCount}; {image.RecoveredPastCheckpoint} written after it; {removed} removed out of order)");
        console.MarkupLineInterpolated($"next sequence after a mount: {Math.Max(cp.SequenceLimit, image.Records.Count == 0 ? 0 : image.Records[^1].Sequence + 1)} (checkpoint's sequence limit {cp.SequenceLimit})");
        console.MarkupLineInterpolated($"consumed (acknowledged) through sequence: {(cp.TailSequence == 0 ? "none" : (cp.TailSequence - 1).ToString(CultureInfo.InvariantCulture))}");
        if (live.Length > 0)
        {
            console.MarkupLineInterpolated($"oldest: {Describe(live[0], now)}");
            console.MarkupLineInterpolated($"newest: {Describe(live[^1], now)}");
        }
        if (image.CorruptSlots.Count == 0)
        {
            console.MarkupLine("corrupt slots: 0");
        }
        else
        {
            string listed = string.Join(", ", image.CorruptSlots.Take(ListedCorruptSlots));
            string more = image.CorruptSlots.Count > ListedCorruptSlots ? ", ..." : "";
            console.MarkupLineInterpolated($"[yellow]corrupt slots: {image.CorruptSlots.Count}[/] (indexes {listed}{more})");
        }
        if (image.BrokenRecords > 0 || image.OrphanSlots > 0)
        {
            console.MarkupLineInterpolated($"[yellow]unreadable records:[/] {image.BrokenRecords} with a damaged part, {image.OrphanSlots} continuation slots without their first slot");
        }
    }

    private static string Describe(BufferRecord record, DateTime now)
    {
        // In microseconds: captured_at may lie in any UDM year (0001 to 9999), beyond a DateTime of the device.
        TimeSpan age = TimeSpan.FromTicks((Iso8601Utc.ToUnixMicros(now) - record.CapturedAtUnixMicros) * 10);
        string clock = record.ClockSynced ? "" : " (clock unsynced)";
        return $"sequence {record.Sequence}, captured_at {Iso8601Utc.ToString(record.CapturedAtUnixMicros)}{clock}, age {FormatAge(age)}, slot {record.SlotIndex}, event_id {record.EventId}";
    }

    private static string FormatAge(TimeSpan age)
    {
        string sign = age < TimeSpan.Zero ? "-" : "";
        age = age.Duration();
        return age.TotalDays >= 1 ? $"{sign}{(int)age.TotalDays}d {age.Hours}h"
            : age.TotalHours >= 1 ? $"{sign}{(int)age.TotalHours}h {age.Minutes}m"
            : $"{sign}{(int)age.TotalMinutes}m {age.Seconds}s";
    }

    private static int Export(BufferImage image, FileInfo export)
    {
        int written = 0;
        using var output = new FileStream(export.FullName, FileMode.Create, FileAccess.Write);
        foreach (BufferRecord record in image.LiveRecords)
        {
            output.Write(record.Payload);
            output.WriteByte((byte)'\n');
            written++;
        }
        return written;
    }

    private static string Printable(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder(bytes.Length);
        foreach (byte b in bytes)
        {
            text.Append(b is >= 0x20 and < 0x7F ? (char)b : '.');
        }
        return text.ToString();
    }

    private static int Fail(IAnsiConsole console, string message)
    {
        console.MarkupLineInterpolated($"[red]error:[/] {message}");
        return 2;
    }
}
