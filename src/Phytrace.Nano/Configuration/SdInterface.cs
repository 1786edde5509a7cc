namespace Phytrace.Nano.Configuration
{
    /// <summary>How the SD card is wired to the ESP32.</summary>
    public enum SdInterface
    {
        /// <summary>No SD card: the ring lives on internal flash.</summary>
        None = 0,

        /// <summary>SPI bus plus a chip-select pin (any GPIOs, routed by the glue).</summary>
        Spi = 1,

        /// <summary>The SDMMC host, 1 or 4 data lines, on the pins the chip fixes for it.</summary>
        Mmc = 2,
    }
}
