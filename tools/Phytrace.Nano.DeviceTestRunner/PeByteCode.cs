using System.Buffers.Binary;
using System.Globalization;

namespace Phytrace.Nano.DeviceTestRunner;

/// <summary>
/// The byte code size of one assembly as the metadata processor wrote it into the .pe file, held
/// against the format's limit. A method's byte code is addressed by a 16-bit offset in the .pe
/// (CLR_OFFSET), so the table may not exceed 65,535 bytes: past that the metadata processor stops
/// with "Byte code table overflow in assembly ..." and nothing can be deployed. Checked after every
/// conversion so the headroom is visible long before a change reaches the limit.
/// </summary>
public sealed record PeByteCode(string Assembly, int Bytes)
{
    /// <summary>The largest byte code table a .pe can hold (16-bit method offsets).</summary>
    public const int Limit = 65535;

    /// <summary><see cref="Limit"/> as the runner prints it: 65,535.</summary>
    public static string LimitText => Limit.ToString("N0", CultureInfo.InvariantCulture);

    // The .pe header (CLR_RECORD_ASSEMBLY, marker "NFMRK1" as nanoFramework 1.x's metadata processor
    // writes it): marker[8], headerCRC, assemblyCRC, flags, nativeMethodsChecksum, patchEntryOffset
    // (uint32 each), version (4 x uint16), assemblyName and stringTableVersion (uint16 each), then
    // startOfTables[16] (uint32), numOfPatchedMethods (uint32) and paddingOfTables[16] (bytes).
    private const string Marker = "NFMRK1";
    private const int StartOfTablesOffset = 0x28;
    private const int TableCount = 16;
    private const int PaddingOffset = StartOfTablesOffset + (TableCount * 4) + 4;
    private const int ByteCodeTable = 13;
    private const int HeaderSize = PaddingOffset + TableCount;

    public bool WithinLimit => Bytes <= Limit;

    /// <summary>One line for the runner's output: "Phytrace.Nano 57,932 B of 65,535 (7,603 B left)".</summary>
    public string Describe()
    {
        string bytes = Bytes.ToString("N0", CultureInfo.InvariantCulture);
        string limit = LimitText;
        return WithinLimit
            ? $"{Assembly} {bytes} B of {limit} ({(Limit - Bytes).ToString("N0", CultureInfo.InvariantCulture)} B left)"
            : $"{Assembly} {bytes} B exceeds the metadata processor's limit of {limit} B by {(Bytes - Limit).ToString("N0", CultureInfo.InvariantCulture)}";
    }

    /// <summary>Reads the byte code size from a .pe file's header; throws naming the file if it is not a 1.x .pe.</summary>
    public static PeByteCode Read(string pePath)
    {
        byte[] header = new byte[HeaderSize];
        using (FileStream file = File.OpenRead(pePath))
        {
            if (file.ReadAtLeast(header, HeaderSize, throwOnEndOfStream: false) < HeaderSize)
            {
                throw new InvalidDataException($"{pePath} is shorter than a nanoFramework .pe header ({HeaderSize} bytes)");
            }
        }
        return Parse(Path.GetFileNameWithoutExtension(pePath), header, pePath);
    }

    /// <summary>The byte code size from a .pe header's bytes (<paramref name="source"/> names them in errors).</summary>
    public static PeByteCode Parse(string assembly, ReadOnlySpan<byte> header, string source)
    {
        if (header.Length < HeaderSize || System.Text.Encoding.ASCII.GetString(header[..Marker.Length]) != Marker)
        {
            throw new InvalidDataException($"{source} is not a nanoFramework 1.x .pe file (expected the marker {Marker} and a {HeaderSize}-byte header)");
        }
        uint start = BinaryPrimitives.ReadUInt32LittleEndian(header[(StartOfTablesOffset + (ByteCodeTable * 4))..]);
        uint end = BinaryPrimitives.ReadUInt32LittleEndian(header[(StartOfTablesOffset + ((ByteCodeTable + 1) * 4))..]);
        int padding = header[PaddingOffset + ByteCodeTable];
        if (end < start || end - start < padding)
        {
            throw new InvalidDataException($"{source}: byte code table bounds {start}..{end} (padding {padding}) are inconsistent");
        }
        return new PeByteCode(assembly, checked((int)(end - start - (uint)padding)));
    }
}
