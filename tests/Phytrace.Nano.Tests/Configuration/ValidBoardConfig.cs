using Phytrace.Nano.Configuration;

namespace Phytrace.Nano.Tests.Configuration;

/// <summary>A configuration with every field valid, for tests that break one field at a time.</summary>
internal static class ValidBoardConfig
{
    public const string CaPem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";

    public static BoardConfig Create()
    {
        var config = new BoardConfig { BoardName = "test board" };
        config.Identity.SourceId = "robot-7";
        config.Identity.SourceType = "amr";
        config.Identity.Fleet = "warehouse-a";
        config.Storage.Drive = StorageSettings.SdCardDrive;
        config.Storage.FilePath = "D:\\phytrace\\events.ring";
        config.Storage.MaxSizeMb = 64;
        config.SdCard.Interface = SdInterface.Spi;
        config.SdCard.SpiBus = 1;
        config.SdCard.MosiPin = 23;
        config.SdCard.MisoPin = 19;
        config.SdCard.ClockPin = 18;
        config.SdCard.ChipSelectPin = 5;
        config.Wifi.Ssid = "plant-floor";
        config.Wifi.Password = "correct horse";
        config.Mqtt.Host = "broker.local";
        return config;
    }
}
