using System.Text;
using Phytrace.Nano.Events;
using Phytrace.Nano.Formats;
using Phytrace.Nano.Platform;

namespace Phytrace.Nano.Tests.Platform;

/// <summary>The platform seam's tests change process-wide state: they run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PlatformNativesCollection
{
    public const string Name = "platform natives";
}

/// <summary>
/// The platform seam on .NET, with real implementations standing in for the firmware's natives
/// (System.IO.Hashing's CRC-32, .NET's strict UTF-8 encoder): Use checks each against the portable
/// form and refuses one that differs, and the JSON writer gives the same text through the UTF-8
/// native as through its portable loop. The firmware natives themselves are held to the portable
/// forms on nanoCLR (tests/Phytrace.Nano.DeviceTests, Platform/NativesTests).
/// </summary>
[Collection(PlatformNativesCollection.Name)]
public sealed class PlatformNativesTests : IDisposable
{
    public void Dispose() => PlatformNatives.UsePortable();

    [Fact]
    public void Correct_natives_are_installed_and_can_be_removed()
    {
        var crc = new HostCrc32();
        var utf8 = new HostUtf8();
        PlatformNatives.Use(crc, utf8);
        Assert.Same(crc, PlatformNatives.Crc32);
        Assert.Same(utf8, PlatformNatives.Utf8);
        PlatformNatives.UsePortable();
        Assert.Null(PlatformNatives.Crc32);
        Assert.Null(PlatformNatives.Utf8);
    }

    [Fact]
    public void A_crc_that_differs_is_refused_naming_the_input_and_nothing_is_installed()
    {
        var e = Assert.Throws<InvalidOperationException>(() => PlatformNatives.Use(new OffByOneCrc32(), new HostUtf8()));
        Assert.Contains("CRC-32", e.Message, StringComparison.Ordinal);
        Assert.Null(PlatformNatives.Crc32);
        Assert.Null(PlatformNatives.Utf8);
    }

    [Fact]
    public void A_crc_that_ignores_the_offset_is_refused()
    {
        var e = Assert.Throws<InvalidOperationException>(() => PlatformNatives.Use(new OffsetIgnoringCrc32(), null));
        Assert.Contains("offset 7", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_utf8_encoder_that_writes_latin1_is_refused_and_nothing_is_installed()
    {
        var e = Assert.Throws<InvalidOperationException>(() => PlatformNatives.Use(new HostCrc32(), new Latin1Encoder()));
        Assert.Contains("UTF-8", e.Message, StringComparison.Ordinal);
        Assert.Null(PlatformNatives.Crc32);
    }

    [Fact]
    public void Json_strings_are_the_same_text_through_the_utf8_native()
    {
        string[] texts =
        {
            "amr-7", string.Empty, "warehouse-a-floor-1", "caf\u00E9", "20 \u20AC", "smile \uD83D\uDE00 ok",
            "quote \" backslash \\", "tab\tnew\nline", "ctrl \u0001 \u001F", "\u00E9\u20AC\uD83D\uDE00\"\\",
        };
        var random = new Random(5);
        var all = texts.Concat(Enumerable.Range(0, 2000).Select(_ => RandomText(random))).ToList();
        var portable = all.Select(Quote).ToList();
        PlatformNatives.Use(new HostCrc32(), new HostUtf8());
        for (int i = 0; i < all.Count; i++)
        {
            Assert.Equal(portable[i], Quote(all[i]));
        }
    }

    [Fact]
    public void A_lone_surrogate_is_still_refused_with_the_utf8_native()
    {
        PlatformNatives.Use(null, new HostUtf8());
        var writer = new JsonWriter();
        writer.Reset(new byte[64], 0, 64);
        writer.WriteStartObject();
        var e = Assert.Throws<JsonValueException>(() => writer.WriteString("note", "a\uD800b"));
        Assert.Equal("note", e.Field);
    }

    [Fact]
    public void A_string_that_only_just_fits_is_written_by_the_portable_loop_when_the_native_needs_more_room()
    {
        // The native path wants three bytes per character; with less, the exact portable check decides.
        PlatformNatives.Use(null, new HostUtf8());
        var buffer = new byte[7];
        var writer = new JsonWriter();
        writer.Reset(buffer, 0, buffer.Length);
        writer.WriteStringValue("abcde");
        Assert.Equal("\"abcde\"", Encoding.ASCII.GetString(buffer, 0, writer.Length));
    }

    private static string Quote(string text)
    {
        var buffer = new byte[(text.Length * 6) + 8];
        var writer = new JsonWriter();
        writer.Reset(buffer, 0, buffer.Length);
        writer.WriteStringValue(text);
        return Convert.ToHexString(buffer, 0, writer.Length);
    }

    // ASCII, escapes, 2-, 3- and 4-byte UTF-8, never a lone surrogate or U+0000.
    private static string RandomText(Random random)
    {
        var text = new StringBuilder();
        int length = random.Next(40);
        for (int i = 0; i < length; i++)
        {
            switch (random.Next(6))
            {
                case 0: text.Append((char)random.Next(1, 0x20)); break; // U+0000 is refused (a nanoFramework string ends at it)
                case 1: text.Append(random.Next(2) == 0 ? '"' : '\\'); break;
                case 2: text.Append((char)random.Next(0x80, 0x800)); break;
                case 3: text.Append((char)random.Next(0x800, 0xD800)); break;
                case 4: text.Append(char.ConvertFromUtf32(random.Next(0x10000, 0x110000))); break;
                default: text.Append((char)random.Next(0x20, 0x7F)); break;
            }
        }
        return text.ToString();
    }

    private sealed class HostCrc32 : INativeCrc32
    {
        public uint Compute(byte[] buffer, int offset, int count) => System.IO.Hashing.Crc32.HashToUInt32(buffer.AsSpan(offset, count));
    }

    private sealed class HostUtf8 : INativeUtf8
    {
        private readonly UTF8Encoding strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

        public int Encode(string text, byte[] target, int offset)
        {
            try
            {
                return strict.GetBytes(text, 0, text.Length, target, offset);
            }
            catch (EncoderFallbackException)
            {
                return -1;
            }
        }
    }

    private sealed class OffByOneCrc32 : INativeCrc32
    {
        public uint Compute(byte[] buffer, int offset, int count) => Crc32.Update(Crc32.Initial, buffer, offset, count) + 1;
    }

    private sealed class OffsetIgnoringCrc32 : INativeCrc32
    {
        public uint Compute(byte[] buffer, int offset, int count) => Crc32.Update(Crc32.Initial, buffer, 0, count);
    }

    private sealed class Latin1Encoder : INativeUtf8
    {
        public int Encode(string text, byte[] target, int offset) => Encoding.Latin1.GetBytes(text, 0, text.Length, target, offset);
    }
}
