using System;

namespace Phytrace.Nano.DeviceTests
{
    /// <summary>
    /// Entry point on the nanoFramework emulator, a board, or .NET: runs every check, prints one
    /// line per check and "N passed, N failed" at the end.
    /// </summary>
    public static class Program
    {
        public static int Main()
        {
            var runner = new CheckRunner(WriteLine);
            AllChecks.Run(runner);
            Console.WriteLine(runner.Summary());
            return runner.Failed == 0 ? 0 : 1;
        }

        private static void WriteLine(string line)
        {
            Console.WriteLine(line);
        }
    }
}
