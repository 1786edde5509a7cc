// Reference declaration (signatures only) of nanoFramework.System.Threading 1.1.52, namespace System.Threading.
// Not in nanoFramework's mscorlib 1.17.11; WifiNetworkHelper takes a token for its timeout.

using System;

namespace System.Threading
{
    public struct CancellationToken
    {
        public bool IsCancellationRequested
        {
            get { throw new NotImplementedException(); }
        }
    }

    public class CancellationTokenSource : IDisposable
    {
        /// <summary>A source that cancels itself after the delay.</summary>
        public CancellationTokenSource(int millisecondsDelay)
        {
            throw new NotImplementedException();
        }

        public CancellationToken Token
        {
            get { throw new NotImplementedException(); }
        }

        public void Dispose()
        {
            throw new NotImplementedException();
        }
    }
}
