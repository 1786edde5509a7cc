using System;

namespace Phytrace.Nano.DeviceTests
{
    /// <summary>A check body; throwing fails the check.</summary>
    public delegate void CheckBody();

    /// <summary>Where the runner writes its lines: Console on both .NET and the device.</summary>
    public delegate void LineWriter(string line);

    /// <summary>
    /// A tiny test runner that works on nanoFramework 1.x: no reflection, no generics. Each check
    /// prints one line, "PASS name" or "FAIL name: why"; <see cref="Summary"/> gives the closing
    /// "N passed, N failed" line.
    /// </summary>
    public sealed class CheckRunner
    {
        private readonly LineWriter output;
        private int passed;
        private int failed;
        private string suite = string.Empty;

        public CheckRunner(LineWriter output)
        {
            this.output = output;
        }

        public int Passed
        {
            get { return passed; }
        }

        public int Failed
        {
            get { return failed; }
        }

        /// <summary>Names the suite whose checks follow, so each line says where it belongs.</summary>
        public void BeginSuite(string name)
        {
            suite = name;
        }

        /// <summary>Runs <paramref name="body"/>; any exception fails the check with its message.</summary>
        public void Run(string name, CheckBody body)
        {
            try
            {
                body();
                Pass(name);
            }
            catch (CheckFailedException e)
            {
                Fail(name, e.Message);
            }
            catch (Exception e)
            {
                Fail(name, "threw " + e.GetType().Name + ": " + e.Message);
            }
        }

        /// <summary>The closing line, in the form CI counts.</summary>
        public string Summary()
        {
            return passed.ToString() + " passed, " + failed.ToString() + " failed";
        }

        private void Pass(string name)
        {
            passed++;
            output("PASS " + suite + "." + name);
        }

        private void Fail(string name, string why)
        {
            failed++;
            output("FAIL " + suite + "." + name + ": " + why);
        }
    }
}
