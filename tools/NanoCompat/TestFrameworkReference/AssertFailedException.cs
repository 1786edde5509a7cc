// Reference declaration (signatures only) of nanoFramework.TestFramework 3.0.77: what a failed
// assertion throws (namespace TestFrameworkShared, as in the real assembly).

using System;

namespace TestFrameworkShared
{
    public class AssertFailedException : Exception
    {
        public AssertFailedException()
        {
            throw new NotImplementedException();
        }

        public AssertFailedException(string msg)
        {
            throw new NotImplementedException();
        }

        public AssertFailedException(string msg, Exception ex)
        {
            throw new NotImplementedException();
        }
    }
}
