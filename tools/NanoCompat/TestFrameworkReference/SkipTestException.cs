// Reference declaration (signatures only) of nanoFramework.TestFramework 3.0.77: what Assert.SkipTest
// throws; the launcher reports the case as skipped.

using System;

namespace nanoFramework.TestFramework
{
    public class SkipTestException : Exception
    {
        public SkipTestException(string message = null, Exception innerException = null)
        {
            throw new NotImplementedException();
        }
    }
}
