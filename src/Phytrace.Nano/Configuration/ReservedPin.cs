namespace Phytrace.Nano.Configuration
{
    /// <summary>A GPIO the board or the application uses for something else (display CS, LED, button, sensor).</summary>
    public sealed class ReservedPin
    {
        /// <summary>Creates the reservation.</summary>
        public ReservedPin(string role, int gpio)
        {
            Role = role;
            Gpio = gpio;
        }

        /// <summary>What the pin is for, named like a field ("board.lcd_cs", "app.estop_button").</summary>
        public string Role { get; }

        /// <summary>The GPIO number.</summary>
        public int Gpio { get; }
    }
}
