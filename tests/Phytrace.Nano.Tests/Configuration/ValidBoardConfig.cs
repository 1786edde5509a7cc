using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Phytrace.Nano.Configuration;

namespace Phytrace.Nano.Tests.Configuration;

/// <summary>A configuration with every field valid, for tests that break one field at a time.</summary>
internal static class ValidBoardConfig
{
    /// <summary>A real self-signed CA certificate in PEM, made once per test run.</summary>
    public static readonly string CaPem = CreateCaPem();

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

    private static string CreateCaPem()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Phytrace test CA", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using X509Certificate2 certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return certificate.ExportCertificatePem() + "\n";
    }
}
