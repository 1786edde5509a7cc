namespace Phytrace.Nano.Configuration
{
    /// <summary>
    /// Which GPIO each role of a configuration uses, to report a pin out of range and two roles
    /// on one pin (a chip select wired onto a button, a display sharing the card's CS, ...).
    /// </summary>
    internal sealed class PinUsage
    {
        // Whether a pin is taken is kept in its own bool[]: in unoptimised code nanoCLR sees a slot
        // of a fresh string[] as not null (it holds a typed null), so "owners[gpio] != null" would
        // report every first claim as a clash (docs/device-differences.md).
        private readonly bool[] claimed = new bool[SdCardWiring.MaxGpio + 1];
        private readonly string[] owners = new string[SdCardWiring.MaxGpio + 1];

        /// <summary>
        /// Records that <paramref name="role"/> uses <paramref name="gpio"/>. A required role must
        /// have a pin; an optional one may be <see cref="SdCardWiring.NoPin"/>.
        /// </summary>
        public void Claim(string role, int gpio, bool required, ConfigProblems problems)
        {
            if (gpio == SdCardWiring.NoPin && !required)
            {
                return;
            }
            if (gpio < 0 || gpio > SdCardWiring.MaxGpio)
            {
                string value = gpio == SdCardWiring.NoPin ? "not set" : "GPIO " + gpio.ToString();
                problems.Add(ConfigText.Problem(role, value, "a GPIO number from 0 to 48"));
                return;
            }
            if (claimed[gpio])
            {
                problems.Add(ConfigText.Problem(role, "GPIO " + gpio.ToString(), "a pin of its own, but " + owners[gpio] + " already uses GPIO " + gpio.ToString()));
                return;
            }
            claimed[gpio] = true;
            owners[gpio] = role;
        }
    }
}
