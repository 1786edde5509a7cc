// Reference declaration (signatures only) of nanoFramework.Hardware.Esp32 1.6.37, namespace nanoFramework.Hardware.Esp32.
// Routes an ESP32 peripheral signal to a GPIO through the GPIO matrix. Only the SPI functions the
// SD glue sets are declared; their numeric values here are placeholders, never deployed (the
// .nfproj build recompiles the glue against the package itself).

using System;

namespace nanoFramework.Hardware.Esp32
{
    public enum DeviceFunction
    {
        SPI1_MOSI = 0x100,
        SPI1_MISO,
        SPI1_CLOCK,
        SPI2_MOSI = 0x200,
        SPI2_MISO,
        SPI2_CLOCK,
    }

    public static class Configuration
    {
        public static void SetPinFunction(int pin, DeviceFunction function)
        {
            throw new NotImplementedException();
        }
    }
}
