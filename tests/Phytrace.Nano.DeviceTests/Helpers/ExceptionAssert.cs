using System;
using nanoFramework.TestFramework;

namespace Phytrace.Nano.DeviceTests.Helpers
{
    /// <summary>
    /// Catches the exception a body throws so a test can check more than its type (the field it
    /// names, a count it carries). Assert.ThrowsException only checks the exact type.
    /// </summary>
    public static class ExceptionAssert
    {
        /// <summary>Fails unless <paramref name="body"/> throws; returns what it threw.</summary>
        public static Exception Catch(Action body, string what)
        {
            try
            {
                body();
            }
            catch (Exception e)
            {
                return e;
            }
            Assert.IsTrue(false, "expected an exception: " + what);
            return null;
        }
    }
}
