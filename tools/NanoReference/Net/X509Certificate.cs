// Reference declaration (signatures only) of nanoFramework.System.Net 1.11.60, namespace System.Security.Cryptography.X509Certificates.

using System;

namespace System.Security.Cryptography.X509Certificates
{
    public class X509Certificate
    {
        /// <summary>Parses a PEM (or DER) certificate with the device's mbedTLS; throws if it cannot.</summary>
        public X509Certificate(string certificate)
        {
            throw new NotImplementedException();
        }
    }
}
