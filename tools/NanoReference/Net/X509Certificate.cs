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

    public class X509Certificate2 : X509Certificate
    {
        /// <summary>A PEM certificate with its PEM private key (and the key's password, or null).</summary>
        public X509Certificate2(string rawData, string key, string password)
            : base(rawData)
        {
            throw new NotImplementedException();
        }
    }
}
