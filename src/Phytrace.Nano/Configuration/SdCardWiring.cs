namespace Phytrace.Nano.Configuration
{
    /// <summary>
    /// The SD card's wiring: SPI bus and pins plus chip select, or SDMMC width; and the optional
    /// card-detect switch, whose change re-mounts the card and resumes the buffer.
    /// </summary>
    public sealed class SdCardWiring
    {
        /// <summary>Pin value meaning "not connected".</summary>
        public const int NoPin = -1;

        /// <summary>Highest GPIO number of the ESP32 family (ESP32-S3 has GPIO 0..48).</summary>
        public const int MaxGpio = 48;

        /// <summary>SPI, SDMMC, or none.</summary>
        public SdInterface Interface = SdInterface.None;

        /// <summary>nanoFramework SPI bus number, 1 or 2 (SPI1/SPI2 of Hardware.Esp32's DeviceFunction).</summary>
        public int SpiBus = 1;

        /// <summary>SPI data out of the ESP32 (card DI / CMD).</summary>
        public int MosiPin = NoPin;

        /// <summary>SPI data into the ESP32 (card DO / DAT0).</summary>
        public int MisoPin = NoPin;

        /// <summary>SPI clock.</summary>
        public int ClockPin = NoPin;

        /// <summary>SPI chip select of the card (DAT3).</summary>
        public int ChipSelectPin = NoPin;

        /// <summary>SDMMC data width: 1 or 4 lines.</summary>
        public int MmcWidth = 1;

        /// <summary>Card-detect switch GPIO, or <see cref="NoPin"/> when the slot has none.</summary>
        public int CardDetectPin = NoPin;

        /// <summary>Level the card-detect pin reads while a card is inserted (true = high).</summary>
        public bool CardDetectActiveHigh;

        /// <summary>True when a card-detect pin is wired.</summary>
        public bool HasCardDetect
        {
            get { return CardDetectPin != NoPin; }
        }

        internal void Validate(ConfigProblems problems, PinUsage pins)
        {
            if (Interface == SdInterface.Spi)
            {
                if (SpiBus != 1 && SpiBus != 2)
                {
                    problems.Add(ConfigText.Problem("sd.spi_bus", SpiBus.ToString(), "1 or 2 (the ESP32's general-purpose SPI buses)"));
                }
                pins.Claim("sd.mosi_pin", MosiPin, true, problems);
                pins.Claim("sd.miso_pin", MisoPin, true, problems);
                pins.Claim("sd.clock_pin", ClockPin, true, problems);
                pins.Claim("sd.cs_pin", ChipSelectPin, true, problems);
            }
            else if (Interface == SdInterface.Mmc)
            {
                if (MmcWidth != 1 && MmcWidth != 4)
                {
                    problems.Add(ConfigText.Problem("sd.mmc_width", MmcWidth.ToString(), "1 or 4 data lines"));
                }
            }
            else if (Interface != SdInterface.None)
            {
                problems.Add(ConfigText.Problem("sd.interface", ((int)Interface).ToString(), "None, Spi or Mmc"));
            }
            if (Interface != SdInterface.None)
            {
                pins.Claim("sd.card_detect_pin", CardDetectPin, false, problems);
            }
        }
    }
}
