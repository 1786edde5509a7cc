using Phytrace.Nano.Boards;
using Phytrace.Nano.Configuration;

namespace Phytrace.Nano.Tests.Configuration;

/// <summary>Every board preset is a valid configuration, with the wiring its documentation gives.</summary>
public class BoardPresetTests
{
    private delegate BoardConfig Preset(string sourceId, string ssid, string password, string host);

    private static readonly Dictionary<string, Preset> Presets = new()
    {
        ["Esp32DevKitCSpiSd"] = Esp32DevKitCSpiSd.Create,
        ["Esp32S3DevKitC1"] = Esp32S3DevKitC1.Create,
        ["M5StackCore2"] = M5StackCore2.Create,
        ["LilyGoT8"] = LilyGoT8.Create,
    };

    public static TheoryData<string> PresetNames => new(Presets.Keys);

    private static BoardConfig Make(string name) => Presets[name]("robot-7", "plant-floor", "correct horse", "broker.local");

    [Theory]
    [MemberData(nameof(PresetNames))]
    public void Preset_validates(string name)
    {
        BoardConfig config = Make(name);
        ConfigProblems problems = config.Validate();
        Assert.True(problems.IsValid, name + ":\n" + problems);
        Assert.False(string.IsNullOrEmpty(config.BoardName));
        Assert.Equal(SdInterface.Spi, config.SdCard.Interface);
        Assert.True(config.Storage.IsOnSdCard);
    }

    [Theory]
    [MemberData(nameof(PresetNames))]
    public void Preset_ring_fits_a_1_GB_card_and_not_a_128_MB_one(string name)
    {
        BoardConfig config = Make(name);
        Assert.True(config.Validate(1024L * 1024 * 1024).IsValid);
        ConfigProblems small = config.Validate(128L * 1024 * 1024);
        Assert.Equal(1, small.Count);
        Assert.Equal("storage.max_size_mb is 256 (268435456 bytes): expected at most the medium's 134217728 bytes", small[0]);
    }

    [Theory]
    [MemberData(nameof(PresetNames))]
    public void Preset_passes_on_the_identity_and_network_it_is_given(string name)
    {
        BoardConfig config = Make(name);
        Assert.Equal("robot-7", config.Identity.SourceId);
        Assert.Equal("plant-floor", config.Wifi.Ssid);
        Assert.Equal("broker.local", config.Mqtt.Host);
    }

    [Fact]
    public void Presets_carry_the_documented_sd_pins()
    {
        AssertSpi(Esp32DevKitCSpiSd.Create("r", "s", "", "h"), 1, 23, 19, 18, 5);
        AssertSpi(Esp32S3DevKitC1.Create("r", "s", "", "h"), 1, 11, 13, 12, 10);
        AssertSpi(M5StackCore2.Create("r", "s", "", "h"), 1, 23, 38, 18, 4);
        AssertSpi(LilyGoT8.Create("r", "s", "", "h"), 2, 15, 2, 14, 13);
    }

    [Fact]
    public void Wiring_an_app_pin_onto_the_module_flash_is_reported()
    {
        BoardConfig config = Esp32DevKitCSpiSd.Create("robot-7", "plant-floor", "correct horse", "broker.local");
        config.ReservePin("app.estop_button", 6);
        Assert.Equal("app.estop_button is GPIO 6: expected a pin of its own, but board.spi_flash already uses GPIO 6", config.Validate().ToString());
    }

    [Theory]
    [InlineData(38, "board.rgb_led_v1_1")]
    [InlineData(48, "board.rgb_led_v1_0")]
    [InlineData(33, "board.octal_psram")]
    [InlineData(37, "board.octal_psram")]
    public void S3_devkit_pins_taken_by_the_led_and_octal_psram_are_reported(int gpio, string owner)
    {
        BoardConfig config = Esp32S3DevKitC1.Create("robot-7", "plant-floor", "correct horse", "broker.local");
        config.ReservePin("app.estop_button", gpio);
        Assert.Equal("app.estop_button is GPIO " + gpio + ": expected a pin of its own, but " + owner + " already uses GPIO " + gpio, config.Validate().ToString());
    }

    [Fact]
    public void Core2_sd_chip_select_is_not_the_lcd_one()
    {
        BoardConfig config = M5StackCore2.Create("robot-7", "plant-floor", "correct horse", "broker.local");
        config.SdCard.ChipSelectPin = 5;
        Assert.Equal("board.lcd_cs is GPIO 5: expected a pin of its own, but sd.cs_pin already uses GPIO 5", config.Validate().ToString());
    }

    [Fact]
    public void Sample_app_pins_fit_each_board()
    {
        // The sensor and e-stop pins boards/<Board>/Program.cs reserves on top of its preset.
        BoardConfig devKitC = Make("Esp32DevKitCSpiSd").ReservePin("app.temperature_sensor", 34).ReservePin("app.estop_button", Esp32DevKitCSpiSd.BootButtonPin);
        BoardConfig s3 = Make("Esp32S3DevKitC1").ReservePin("app.temperature_sensor", 4).ReservePin("app.estop_button", Esp32S3DevKitC1.BootButtonPin);
        BoardConfig core2 = Make("M5StackCore2").ReservePin("app.temperature_sensor", M5StackCore2.PortBAnalogPin).ReservePin("app.estop_button", M5StackCore2.PortBDigitalPin);
        BoardConfig t8 = Make("LilyGoT8").ReservePin("app.temperature_sensor", 34).ReservePin("app.estop_button", 0);

        foreach (BoardConfig config in new[] { devKitC, s3, core2, t8 })
        {
            Assert.True(config.Validate().IsValid, config.BoardName + ": " + config.Validate());
        }
    }

    private static void AssertSpi(BoardConfig config, int bus, int mosi, int miso, int clock, int cs)
    {
        Assert.Equal(bus, config.SdCard.SpiBus);
        Assert.Equal(mosi, config.SdCard.MosiPin);
        Assert.Equal(miso, config.SdCard.MisoPin);
        Assert.Equal(clock, config.SdCard.ClockPin);
        Assert.Equal(cs, config.SdCard.ChipSelectPin);
    }
}
