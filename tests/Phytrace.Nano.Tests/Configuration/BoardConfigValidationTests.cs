using CsCheck;
using Phytrace.Nano.Configuration;

namespace Phytrace.Nano.Tests.Configuration;

/// <summary>
/// One test per rule: a valid configuration with one field broken must report exactly that
/// problem, in words naming the field, the value and what is expected.
/// </summary>
public class BoardConfigValidationTests
{
    private static void AssertOnlyProblem(Action<BoardConfig> breakIt, string expected, long mediumCapacity = BoardConfig.UnknownCapacity)
    {
        BoardConfig config = ValidBoardConfig.Create();
        breakIt(config);
        ConfigProblems problems = config.Validate(mediumCapacity);
        Assert.False(problems.IsValid);
        Assert.Equal(expected, problems.ToString());
    }

    [Fact]
    public void The_valid_configuration_has_no_problem()
    {
        ConfigProblems problems = ValidBoardConfig.Create().Validate();
        Assert.True(problems.IsValid, problems.ToString());
        Assert.Equal(0, problems.Count);
        Assert.Equal(string.Empty, problems.ToString());
    }

    [Fact]
    public void A_new_configuration_lists_what_the_user_must_fill_in() =>
        Assert.Equal(
            "identity.source_id is empty: expected 1 to 256 characters naming this node\n" +
            "wifi.ssid is empty: expected the network name, 1 to 32 characters\n" +
            "mqtt.host is \"\": expected the broker's host name or IP address, without scheme or spaces\n" +
            "sd.interface is None while storage.drive is \"D:\\\": expected Spi or Mmc wiring for the SD card, or storage.drive \"I:\\\" (internal flash)",
            new BoardConfig().Validate().ToString());

    [Fact]
    public void Empty_source_id() =>
        AssertOnlyProblem(c => c.Identity.SourceId = "", "identity.source_id is empty: expected 1 to 256 characters naming this node");

    [Fact]
    public void Source_id_longer_than_256() =>
        AssertOnlyProblem(c => c.Identity.SourceId = new string('r', 257), "identity.source_id is 257 characters long: expected at most 256 characters");

    [Fact]
    public void Source_id_of_256_characters_is_accepted()
    {
        BoardConfig config = ValidBoardConfig.Create();
        config.Identity.SourceId = new string('r', 256);
        Assert.True(config.Validate().IsValid);
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a+b")]
    [InlineData("a#")]
    [InlineData("a\0b")]
    public void Source_id_with_topic_characters(string sourceId) =>
        AssertOnlyProblem(c => c.Identity.SourceId = sourceId, "identity.source_id is \"" + sourceId + "\": expected no '/', '+', '#' or NUL character (it is one MQTT topic level)");

    [Fact]
    public void Unknown_source_type() =>
        AssertOnlyProblem(c => c.Identity.SourceType = "robot", "identity.source_type is \"robot\": expected a UDM source type such as \"amr\", \"agv\", \"drone\" or \"custom\"");

    [Fact]
    public void Fleet_too_long() =>
        AssertOnlyProblem(c => c.Identity.Fleet = new string('f', 300), "identity.fleet is 300 characters long: expected empty or at most 256 characters");

    [Fact]
    public void Unknown_drive() =>
        AssertOnlyProblem(c => { c.Storage.Drive = "C:\\"; c.Storage.FilePath = "C:\\ring"; }, "storage.drive is \"C:\\\": expected \"D:\\\" (SD card), \"E:\\\" (second SD slot) or \"I:\\\" (internal flash)");

    [Fact]
    public void File_path_not_on_the_drive() =>
        AssertOnlyProblem(c => c.Storage.FilePath = "I:\\ring", "storage.file_path is \"I:\\ring\": expected a file on storage.drive \"D:\\\", such as \"D:\\phytrace\\events.ring\"");

    [Fact]
    public void File_path_that_is_only_the_drive() =>
        AssertOnlyProblem(c => c.Storage.FilePath = "D:\\", "storage.file_path is \"D:\\\": expected a file on storage.drive \"D:\\\", such as \"D:\\phytrace\\events.ring\"");

    [Theory]
    [InlineData(0)]
    [InlineData(65537)]
    public void Ring_size_out_of_range(int mb) =>
        AssertOnlyProblem(c => c.Storage.MaxSizeMb = mb, "storage.max_size_mb is " + mb + ": expected 1 to 65536 MB");

    [Fact]
    public void Max_age_out_of_range() =>
        AssertOnlyProblem(c => c.Storage.MaxAgeHours = 0, "storage.max_age_hours is 0: expected 1 to 87600 hours (ten years)");

    [Theory]
    [InlineData(100)]
    [InlineData(48)]
    [InlineData(8208)]
    [InlineData(0)]
    public void Record_size_not_a_multiple_of_16_or_out_of_range(int size) =>
        AssertOnlyProblem(c => c.Storage.RecordSize = size, "storage.record_size is " + size + " bytes: expected a multiple of 16 from 64 to 8192 bytes");

    [Fact]
    public void Record_size_is_accepted_exactly_when_a_multiple_of_16_in_range() =>
        Gen.Int[-100, 10000].Sample(size =>
        {
            BoardConfig config = ValidBoardConfig.Create();
            config.Storage.RecordSize = size;
            // Records must also tile the default 512-byte sector.
            bool expectedValid = size % 16 == 0 && size >= 64 && size <= 8192 && (512 % size == 0 || size % 512 == 0);
            Assert.Equal(expectedValid, config.Validate().IsValid);
        });

    [Fact]
    public void Sync_cadence_out_of_range()
    {
        AssertOnlyProblem(c => c.Storage.SyncEveryRecords = 0, "storage.sync_every_records is 0: expected 1 to 4096 records per sync");

        AssertOnlyProblem(c => c.Storage.SyncIntervalMs = -1, "storage.sync_interval_ms is -1: expected 0 to 600000 ms");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65537)]
    public void Checkpoint_every_records_out_of_range(int every) =>
        AssertOnlyProblem(c => c.Storage.CheckpointEveryRecords = every, "storage.checkpoint_every_records is " + every + ": expected 1 to 65536 records per checkpoint");

    [Theory]
    [InlineData(0)]
    [InlineData(8)]
    [InlineData(500)]
    [InlineData(8192)]
    public void Sector_size_that_is_not_a_power_of_two_from_16_to_4096(int size) =>
        AssertOnlyProblem(c => c.Storage.SectorSizeBytes = size, "storage.sector_size_bytes is " + size + ": expected a power of two from 16 to 4096 bytes (512 for SD cards)");

    [Fact]
    public void Record_size_that_does_not_tile_the_sector() =>
        AssertOnlyProblem(c => c.Storage.RecordSize = 96, "storage.sector_size_bytes is 512 with storage.record_size 96: expected a sector that record_size divides or is a multiple of (records tile sectors), such as a record_size of 64, 128 or 256 with 512");

    [Fact]
    public void Checkpoint_cadence_and_sector_size_reach_the_buffer()
    {
        var config = Phytrace.Nano.Tests.Support.TestNode.HostConfig("pass-through", "loopback", 1883);
        config.Storage.CheckpointEveryRecords = 3;
        config.Storage.SectorSizeBytes = 1024;
        config.Storage.SyncEveryRecords = 1;
        config.Storage.RecordSize = 128;
        var medium = new Phytrace.Nano.DeviceTests.FaultInjectingMedium(new Phytrace.Nano.Storage.RamMedium(1024 * 1024));
        using var node = Phytrace.Nano.Node.PhytraceNode.Create(config, new Phytrace.Nano.Node.NodePlatform
        {
            Medium = medium,
            Session = new Phytrace.Nano.DeviceTests.LoopbackSession(),
            Connectivity = new Phytrace.Nano.Uplink.SimulatedConnectivity(false),
            Tick = new Phytrace.Nano.Platform.ManualTickClock(0),
            Wall = new Phytrace.Nano.Platform.ManualWallClock(new DateTime(2026, 11, 27, 12, 0, 0, DateTimeKind.Utc), true),
            Random = new Phytrace.Nano.Platform.XorShiftRandom(3),
        });
        Assert.Equal(1024, node.Buffer.SectorSize);
        long writes = medium.WriteCalls;
        long bytes = medium.BytesWritten;
        for (int i = 0; i < 3; i++)
        {
            Assert.True(node.Buffer.Enqueue(new byte[10], 0, 10, new byte[16], 0, 0, false));
        }
        // Three sync points of one 1024-byte sector each, then the checkpoint due after three
        // records: two copies, each one 1024-byte sector.
        Assert.Equal(5, medium.WriteCalls - writes);
        Assert.Equal((3 * 1024) + (2 * 1024), medium.BytesWritten - bytes);
    }

    [Fact]
    public void Unknown_overflow_policy() =>
        AssertOnlyProblem(c => c.Storage.OverflowPolicy = "drop_newest", "storage.overflow_policy is \"drop_newest\": expected \"reject\" or \"drop_oldest\"");

    [Fact]
    public void Ring_larger_than_the_medium() =>
        AssertOnlyProblem(_ => { }, "storage.max_size_mb is 64 (67108864 bytes): expected at most the medium's 33554432 bytes", 32L * 1024 * 1024);

    [Fact]
    public void Ring_exactly_the_medium_size_is_accepted() =>
        Assert.True(ValidBoardConfig.Create().Validate(64L * 1024 * 1024).IsValid);

    [Fact]
    public void Sd_drive_without_sd_wiring() =>
        AssertOnlyProblem(c => c.SdCard.Interface = SdInterface.None, "sd.interface is None while storage.drive is \"D:\\\": expected Spi or Mmc wiring for the SD card, or storage.drive \"I:\\\" (internal flash)");

    [Fact]
    public void Internal_flash_needs_no_sd_wiring()
    {
        BoardConfig config = ValidBoardConfig.Create();
        config.SdCard.Interface = SdInterface.None;
        config.Storage.Drive = StorageSettings.InternalFlashDrive;
        config.Storage.FilePath = "I:\\events.ring";
        config.Storage.MaxSizeMb = 1;
        Assert.True(config.Validate().IsValid, config.Validate().ToString());
    }

    [Fact]
    public void Spi_bus_out_of_range() =>
        AssertOnlyProblem(c => c.SdCard.SpiBus = 3, "sd.spi_bus is 3: expected 1 or 2 (the ESP32's general-purpose SPI buses)");

    [Fact]
    public void Mmc_width_must_be_1_or_4()
    {
        AssertOnlyProblem(c => { c.SdCard.Interface = SdInterface.Mmc; c.SdCard.MmcWidth = 2; }, "sd.mmc_width is 2: expected 1 or 4 data lines");
        BoardConfig config = ValidBoardConfig.Create();
        config.SdCard.Interface = SdInterface.Mmc;
        config.SdCard.MmcWidth = 4;
        Assert.True(config.Validate().IsValid);
    }

    [Fact]
    public void Unknown_sd_interface() =>
        AssertOnlyProblem(c => c.SdCard.Interface = (SdInterface)7, "sd.interface is 7: expected None, Spi or Mmc");

    [Fact]
    public void Spi_pin_not_set() =>
        AssertOnlyProblem(c => c.SdCard.ChipSelectPin = SdCardWiring.NoPin, "sd.cs_pin is not set: expected a GPIO number from 0 to 48");

    [Fact]
    public void Pin_out_of_range() =>
        AssertOnlyProblem(c => c.SdCard.MosiPin = 49, "sd.mosi_pin is GPIO 49: expected a GPIO number from 0 to 48");

    [Fact]
    public void Two_sd_roles_on_one_pin() =>
        AssertOnlyProblem(c => c.SdCard.ChipSelectPin = 18, "sd.cs_pin is GPIO 18: expected a pin of its own, but sd.clock_pin already uses GPIO 18");

    [Fact]
    public void Card_detect_on_an_sd_pin() =>
        AssertOnlyProblem(c => c.SdCard.CardDetectPin = 19, "sd.card_detect_pin is GPIO 19: expected a pin of its own, but sd.miso_pin already uses GPIO 19");

    [Fact]
    public void Reserved_pin_clashing_with_the_sd_wiring() =>
        AssertOnlyProblem(c => c.ReservePin("app.estop_button", 5), "app.estop_button is GPIO 5: expected a pin of its own, but sd.cs_pin already uses GPIO 5");

    [Fact]
    public void Two_reserved_pins_on_one_gpio() =>
        AssertOnlyProblem(c => c.ReservePin("board.led", 2).ReservePin("app.sensor", 2), "app.sensor is GPIO 2: expected a pin of its own, but board.led already uses GPIO 2");

    [Fact]
    public void Wifi_ssid_and_password()
    {
        AssertOnlyProblem(c => c.Wifi.Ssid = "", "wifi.ssid is empty: expected the network name, 1 to 32 characters");
        AssertOnlyProblem(c => c.Wifi.Ssid = new string('s', 33), "wifi.ssid is 33 characters long: expected the network name, 1 to 32 characters");
        AssertOnlyProblem(c => c.Wifi.Password = "short", "wifi.password is 5 characters long: expected 8 to 63 characters (WPA2), or empty for an open network");
        BoardConfig open = ValidBoardConfig.Create();
        open.Wifi.Password = "";
        Assert.True(open.Validate().IsValid);
    }

    [Fact]
    public void Broker_host() =>
        AssertOnlyProblem(c => c.Mqtt.Host = "mqtt://broker", "mqtt.host is \"mqtt://broker\": expected the broker's host name or IP address, without scheme or spaces");

    [Theory]
    [InlineData(0)]
    [InlineData(65536)]
    [InlineData(-1883)]
    public void Port_out_of_range(int port) =>
        AssertOnlyProblem(c => c.Mqtt.Port = port, "mqtt.port is " + port + ": expected 1 to 65535 (1883 plain, 8883 TLS)");

    private const string TlsExpected = "expected the broker's CA certificate as PEM text (-----BEGIN CERTIFICATE-----, base64, -----END CERTIFICATE-----)";

    [Fact]
    public void Tls_without_a_ca() =>
        AssertOnlyProblem(c => { c.Mqtt.UseTls = true; c.Mqtt.Port = 8883; }, "mqtt.ca_certificate_pem is empty while mqtt.use_tls is true: " + TlsExpected);

    [Fact]
    public void Tls_with_a_ca_that_is_not_pem() =>
        AssertOnlyProblem(c => { c.Mqtt.UseTls = true; c.Mqtt.CaCertificatePem = "MIIB"; },
            "mqtt.ca_certificate_pem is not PEM text (no -----BEGIN CERTIFICATE----- line) while mqtt.use_tls is true: " + TlsExpected);

    /// <summary>
    /// PEM text the device's parser would refuse: before the glue parsed it at creation, such a CA
    /// failed inside every Connect and was reported as NetworkUnreachable forever.
    /// </summary>
    [Theory]
    [InlineData("cut", "cut short (no -----END CERTIFICATE----- after -----BEGIN CERTIFICATE-----)")]
    [InlineData("garbled", "not base64 between the PEM lines ('*' at line 2, column 11)")]
    [InlineData("short", "damaged base64 between the PEM lines (")]
    [InlineData("not-der", "not one DER certificate (48 bytes decoded, which do not form a single ASN.1 SEQUENCE)")]
    [InlineData("empty-body", "a PEM block with nothing between its lines")]
    public void Tls_with_a_ca_the_device_cannot_read_is_refused_naming_the_field(string damage, string expected)
    {
        string pem = ValidBoardConfig.CaPem;
        int bodyStart = pem.IndexOf('\n', StringComparison.Ordinal) + 1;
        string broken = damage switch
        {
            "cut" => pem.Substring(0, pem.Length / 2),
            "garbled" => pem.Substring(0, bodyStart + 10) + "*" + pem.Substring(bodyStart + 11),
            "short" => pem.Remove(bodyStart + 5, 1),
            "not-der" => "-----BEGIN CERTIFICATE-----\n" + Convert.ToBase64String(Enumerable.Range(1, 48).Select(i => (byte)i).ToArray()) + "\n-----END CERTIFICATE-----\n",
            _ => "-----BEGIN CERTIFICATE-----\n\n-----END CERTIFICATE-----\n",
        };
        BoardConfig config = ValidBoardConfig.Create();
        config.Mqtt.UseTls = true;
        config.Mqtt.CaCertificatePem = broken;

        ConfigProblems problems = config.Validate();

        Assert.Equal(1, problems.Count);
        Assert.StartsWith("mqtt.ca_certificate_pem is " + expected, problems[0], StringComparison.Ordinal);
        Assert.EndsWith("while mqtt.use_tls is true: " + TlsExpected, problems[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Tls_with_a_pem_ca_is_accepted()
    {
        BoardConfig config = ValidBoardConfig.Create();
        config.Mqtt.UseTls = true;
        config.Mqtt.Port = 8883;
        config.Mqtt.CaCertificatePem = ValidBoardConfig.CaPem;
        Assert.True(config.Validate().IsValid);
        config.Mqtt.CaCertificatePem = ValidBoardConfig.CaPem.Replace("\n", "\r\n", StringComparison.Ordinal);
        Assert.True(config.Validate().IsValid, "Windows line ends are whitespace to the device's base64 decoder too");
    }

    [Fact]
    public void Password_without_user_name() =>
        AssertOnlyProblem(c => c.Mqtt.Password = "secret", "mqtt.user_name is empty while mqtt.password is set: expected a user name to go with the password");

    [Fact]
    public void Client_id_too_long() =>
        AssertOnlyProblem(c => c.Mqtt.ClientId = new string('c', 257), "mqtt.client_id is 257 characters long: expected empty (use source_id) or at most 256 characters");

    [Theory]
    [InlineData(-1)]
    [InlineData(65536)]
    public void Keep_alive_out_of_range(int seconds) =>
        AssertOnlyProblem(c => c.Mqtt.KeepAliveSeconds = seconds, "mqtt.keep_alive_seconds is " + seconds + ": expected 0 (off) to 65535 seconds");

    [Theory]
    [InlineData(99)]
    [InlineData(600001)]
    public void PubAck_timeout_out_of_range(int ms) =>
        AssertOnlyProblem(c => c.Mqtt.PubAckTimeoutMs = ms, "mqtt.puback_timeout_ms is " + ms + ": expected 100 to 600000 ms");

    [Theory]
    [InlineData(0)]
    [InlineData(65535)]
    public void Keep_alive_bounds_are_accepted(int seconds)
    {
        BoardConfig config = ValidBoardConfig.Create();
        config.Mqtt.KeepAliveSeconds = seconds;
        Assert.True(config.Validate().IsValid);
    }

    [Fact]
    public void Retry_values_out_of_range()
    {
        AssertOnlyProblem(c => c.Retry.MaxRetries = -1, "retry.max_retries is -1: expected 0 to 1000");
        AssertOnlyProblem(c => c.Retry.InitialDelayMs = 0, "retry.initial_delay_ms is 0: expected 1 to 3600000 ms");
        AssertOnlyProblem(c => c.Retry.MaxDelayMs = 50, "retry.max_delay_ms is 50: expected at least retry.initial_delay_ms (100) and at most 3600000 ms");
        AssertOnlyProblem(c => c.Retry.ExponentialBase = 0.5, "retry.exponential_base is 0.5: expected 1 to 10");
        AssertOnlyProblem(c => c.Retry.ExponentialBase = double.NaN, "retry.exponential_base is NaN: expected 1 to 10");
        AssertOnlyProblem(c => c.Retry.ExponentialBase = 10.25, "retry.exponential_base is 10.25: expected 1 to 10");
    }

    [Fact]
    public void Breaker_values_out_of_range()
    {
        AssertOnlyProblem(c => c.Breaker.FailureThreshold = 0, "breaker.failure_threshold is 0: expected 1 to 1000 failures");
        AssertOnlyProblem(c => c.Breaker.RecoveryTimeoutSec = 0.05, "breaker.recovery_timeout_sec is 0.05: expected 0.1 to 86400 seconds (one day)");
        AssertOnlyProblem(c => c.Breaker.RecoveryTimeoutSec = double.NaN, "breaker.recovery_timeout_sec is NaN: expected 0.1 to 86400 seconds (one day)");
        AssertOnlyProblem(c => c.Breaker.HalfOpenRequests = 0, "breaker.half_open_requests is 0: expected 1 to 100 requests");
    }

    [Fact]
    public void Batch_values_out_of_range()
    {
        AssertOnlyProblem(c => c.Batch.MaxBatchSize = 0, "batch.max_batch_size is 0: expected 1 to 1000 events");
        AssertOnlyProblem(c => c.Batch.MaxBatchAgeMs = -5, "batch.max_batch_age_ms is -5: expected 0 to 3600000 ms");
        AssertOnlyProblem(c => c.Batch.Compression = "zstd", "batch.compression is \"zstd\": expected \"gzip\" or \"none\"");
        AssertOnlyProblem(c => c.Batch.CompressionLevel = 10, "batch.compression_level is 10: expected 0 to 9");
    }

    [Fact]
    public void Sntp_server_with_a_space() =>
        AssertOnlyProblem(c => c.SntpServer = "pool ntp org", "sntp_server is \"pool ntp org\": expected a host name, or empty to run without SNTP");

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        BoardConfig config = ValidBoardConfig.Create();
        config.Identity.SourceId = "";
        config.Storage.RecordSize = 100;
        config.SdCard.ChipSelectPin = 23;
        config.Mqtt.Port = 0;
        config.Mqtt.UseTls = true;
        config.Retry.MaxRetries = -1;
        config.Breaker.HalfOpenRequests = 0;
        config.Batch.CompressionLevel = 11;

        ConfigProblems problems = config.Validate(1024);

        Assert.Equal(9, problems.Count);
        Assert.True(problems.Contains("identity.source_id"));
        Assert.True(problems.Contains("storage.record_size is 100 bytes"));
        Assert.True(problems.Contains("sd.cs_pin is GPIO 23"));
        Assert.True(problems.Contains("mqtt.port is 0"));
        Assert.True(problems.Contains("mqtt.ca_certificate_pem"));
        Assert.True(problems.Contains("retry.max_retries"));
        Assert.True(problems.Contains("breaker.half_open_requests"));
        Assert.True(problems.Contains("batch.compression_level"));
        Assert.True(problems.Contains("at most the medium's 1024 bytes"));
    }

    [Fact]
    public void Validated_retry_and_breaker_settings_construct_the_real_policy_and_breaker() =>
        Gen.Select(Gen.Int[-1, 1001], Gen.Int[-1, 4_000_000], Gen.Int[-1, 4_000_000], Gen.Double[0.0, 11.0], Gen.Int[0, 1001], Gen.Double[0.0, 90000.0], Gen.Int[0, 101])
            .Sample((retries, initial, max, expBase, threshold, recoverySec, halfOpen) =>
            {
                BoardConfig config = ValidBoardConfig.Create();
                config.Retry.MaxRetries = retries;
                config.Retry.InitialDelayMs = initial;
                config.Retry.MaxDelayMs = max;
                config.Retry.ExponentialBase = expBase;
                config.Breaker.FailureThreshold = threshold;
                config.Breaker.RecoveryTimeoutSec = recoverySec;
                config.Breaker.HalfOpenRequests = halfOpen;
                if (!config.Validate().IsValid)
                {
                    return;
                }
                // What validates must never make the real constructors throw.
                _ = new Phytrace.Nano.Reliability.RetryPolicy(retries, initial, max, expBase, true, Phytrace.Nano.Reliability.ErrorTypeSet.SeedRetryable, new Phytrace.Nano.Platform.XorShiftRandom(1));
                _ = new Phytrace.Nano.Reliability.CircuitBreaker(threshold, recoverySec, halfOpen, new Phytrace.Nano.Platform.ManualTickClock());
            });

    [Fact]
    public void Defaults_are_the_seed_defaults_except_the_device_batching()
    {
        var config = new BoardConfig();
        Assert.Equal(5, config.Retry.MaxRetries);
        Assert.Equal(100, config.Retry.InitialDelayMs);
        Assert.Equal(30000, config.Retry.MaxDelayMs);
        Assert.Equal(2.0, config.Retry.ExponentialBase);
        Assert.True(config.Retry.Jitter);
        Assert.Equal(5, config.Breaker.FailureThreshold);
        Assert.Equal(60.0, config.Breaker.RecoveryTimeoutSec);
        Assert.Equal(3, config.Breaker.HalfOpenRequests);
        // Batch size and gzip level are the device's (measured on nanoCLR, see BatchSettings); the
        // seed's 100 and 6 stay BatchConfig's defaults.
        Assert.Equal(32, config.Batch.MaxBatchSize);
        Assert.Equal(1000, config.Batch.MaxBatchAgeMs);
        Assert.Equal("gzip", config.Batch.Compression);
        Assert.Equal(1, config.Batch.CompressionLevel);
        var seed = new Phytrace.Nano.Batching.BatchConfig();
        Assert.Equal((100, 6), (seed.MaxBatchSize, seed.CompressionLevel));
        Assert.Equal(1000, config.Storage.MaxSizeMb);
        Assert.Equal(168, config.Storage.MaxAgeHours);
        Assert.Equal("reject", config.Storage.OverflowPolicy);
    }
}
