namespace Phytrace.Nano.DeviceTests
{
    /// <summary>Every suite of the device self-test, in order. Each capability adds its line here.</summary>
    public static class AllChecks
    {
        public static void Run(CheckRunner r)
        {
            PlatformChecks.Run(r);
            FormatsChecks.Run(r);
            ReliabilityChecks.Run(r);
            ConfigurationChecks.Run(r);
            CompressionChecks.Run(r);
            BatchingChecks.Run(r);
            StorageChecks.Run(r);
            EventsChecks.Run(r);
            UplinkChecks.Run(r);
        }
    }
}
