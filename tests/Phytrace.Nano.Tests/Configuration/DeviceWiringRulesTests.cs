using Phytrace.Nano.Configuration;

namespace Phytrace.Nano.Tests.Configuration;

/// <summary>The decisions the ESP32 glue takes from a BoardConfig, made in the core so they are tested here and on nanoCLR.</summary>
public class DeviceWiringRulesTests
{
    [Theory]
    [InlineData("plant-floor", "correct horse", true, true)]
    [InlineData("plant-floor", "correct horse", false, false)] // stored without auto-connect: the station would not join by itself
    [InlineData("other-net", "correct horse", true, false)]
    [InlineData("plant-floor", "old password", true, false)]
    [InlineData("", "", true, false)] // a device never configured
    [InlineData(null, null, true, false)]
    public void Wifi_joins_from_the_stored_configuration_only_when_it_is_this_network_with_auto_connect(string? ssid, string? password, bool autoConnect, bool stored)
    {
        var wifi = new WifiSettings { Ssid = "plant-floor", Password = "correct horse" };

        Assert.Equal(stored, wifi.IsStored(ssid, password, autoConnect));
    }

    [Fact]
    public void An_open_network_matches_a_stored_open_network()
    {
        var wifi = new WifiSettings { Ssid = "guest" };

        Assert.True(wifi.IsStored("guest", string.Empty, true));
    }

    [Theory]
    [InlineData("D:\\events.ring", new string[0])]
    [InlineData("D:\\phytrace\\events.ring", new[] { "D:\\phytrace" })]
    [InlineData("D:\\robots\\r7\\ring\\events.ring", new[] { "D:\\robots", "D:\\robots\\r7", "D:\\robots\\r7\\ring" })]
    public void The_folders_of_the_ring_file_are_created_outermost_first(string path, string[] folders)
    {
        var storage = new StorageSettings { Drive = StorageSettings.SdCardDrive, FilePath = path };

        Assert.Equal(folders, storage.FoldersOfFilePath());
    }

    [Theory]
    [InlineData(StorageSettings.InternalFlashDrive, true)]
    [InlineData(StorageSettings.SdCardDrive, false)]
    [InlineData(StorageSettings.SecondSdCardDrive, false)]
    public void Only_internal_flash_closes_the_ring_file_at_every_sync_point(string drive, bool reopen)
    {
        Assert.Equal(reopen, new StorageSettings { Drive = drive }.ReopenAtSyncPoints);
    }
}
