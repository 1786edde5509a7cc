// Reference declaration (signatures only) of nanoFramework.TestFramework 3.0.77, class OutputHelper:
// text a test prints between the launcher's result lines.

using System;

namespace nanoFramework.TestFramework
{
    public static class OutputHelper
    {
        public static void Write(string message) { throw new NotImplementedException(); }
        public static void WriteLine(string message) { throw new NotImplementedException(); }
    }
}
