using System.Globalization;
using Phytrace.Nano.Storage;

namespace Phytrace.Nano.Cli;

/// <summary>
/// Reads an encryption key for `inspect --key-file`: the 32 bytes of BoardConfig's
/// storage.encryption_key, stored raw (exactly 32 bytes) or as 64 hexadecimal digits (spaces and
/// line breaks allowed). A file on disk rather than an argument, so the key never shows in the
/// shell history or the process list; errors say what was found, never the key's text.
/// </summary>
public static class EncryptionKeyFile
{
    public const string Option = "--key-file";

    public const string Help = "file holding the buffer's 32-byte encryption key (BoardConfig storage.encryption_key): 32 raw bytes or 64 hex digits";

    /// <summary>The key in <paramref name="path"/>; null with <paramref name="error"/> saying why not.</summary>
    public static byte[]? Read(string path, out string error)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = $"cannot read {Option} '{path}': {e.Message}";
            return null;
        }
        if (bytes.Length == RecordSealer.KeySize)
        {
            error = string.Empty;
            return bytes;
        }
        string digits = new string(System.Text.Encoding.ASCII.GetString(bytes).Where(c => !char.IsWhiteSpace(c)).ToArray());
        if (digits.Length == 2 * RecordSealer.KeySize && digits.All(Uri.IsHexDigit))
        {
            var key = new byte[RecordSealer.KeySize];
            for (int i = 0; i < key.Length; i++)
            {
                key[i] = byte.Parse(digits.AsSpan(2 * i, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            }
            error = string.Empty;
            return key;
        }
        error = $"{Option} '{path}' does not hold a key: expected 32 raw bytes or 64 hexadecimal digits, found {bytes.Length} bytes"
            + (digits.Length > 0 && digits.All(Uri.IsHexDigit) ? $" ({digits.Length} hex digits)" : string.Empty) + " (content not shown)";
        return null;
    }
}
