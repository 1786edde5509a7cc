using System;
using Phytrace.Nano.Formats;

namespace Phytrace.Nano.Configuration
{
    /// <summary>
    /// Whether text has the shape of one PEM certificate the way the device's parser (mbedTLS,
    /// mbedtls_x509_crt_parse) reads it: a "-----BEGIN CERTIFICATE-----" line, base64 (line breaks
    /// and spaces allowed), "-----END CERTIFICATE-----", and the base64 decoding to one DER
    /// SEQUENCE of exactly its length. It does not parse the X.509 inside: a certificate with the
    /// right shape can still be refused by mbedTLS, which the ESP32 glue finds when the node is made.
    /// </summary>
    internal static class PemCertificateShape
    {
        public const string Header = "-----BEGIN CERTIFICATE-----";
        public const string Footer = "-----END CERTIFICATE-----";

        /// <summary>Null when the shape is right; otherwise what is wrong, in words.</summary>
        public static string? Problem(string? pem)
        {
            if (pem == null || pem.Length == 0)
            {
                return "empty";
            }
            int header = TextChars.IndexOf(pem, Header);
            if (header < 0)
            {
                return "not PEM text (no " + Header + " line)";
            }
            int bodyStart = header + Header.Length;
            int footer = TextChars.IndexOf(pem, Footer, bodyStart);
            if (footer < 0)
            {
                return "cut short (no " + Footer + " after " + Header + ")";
            }
            char[] base64 = new char[footer - bodyStart];
            int length = 0;
            for (int i = bodyStart; i < footer; i++)
            {
                char c = TextChars.OutsideSurrogates(pem, i); // a surrogate is not base64 either way
                if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
                {
                    continue;
                }
                if (!IsBase64(c))
                {
                    return "not base64 between the PEM lines (" + Shown(c) + " at " + Position(pem, i) + ")";
                }
                base64[length++] = c;
            }
            if (length == 0)
            {
                return "a PEM block with nothing between its lines";
            }
            if (length % 4 != 0 || !PaddingOnlyAtEnd(base64, length))
            {
                return "damaged base64 between the PEM lines (" + length.ToString() + " characters; whole groups of 4 expected, '=' only at the end)";
            }
            byte[] der = Convert.FromBase64String(new string(base64, 0, length));
            int derLength = DerSequenceLength(der);
            if (derLength != der.Length)
            {
                return "not one DER certificate (" + der.Length.ToString() + " bytes decoded, which do not form a single ASN.1 SEQUENCE)";
            }
            return null;
        }

        /// <summary>"line L, column C" of index <paramref name="index"/>, both from 1.</summary>
        private static string Position(string text, int index)
        {
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < index; i++)
            {
                if (TextChars.OutsideSurrogates(text, i) == '\n')
                {
                    line++;
                    lineStart = i + 1;
                }
            }
            return "line " + line.ToString() + ", column " + (index - lineStart + 1).ToString();
        }

        // The character in quotes; half of a surrogate pair by name, as the device cannot show it (it reads as U+FFFD there).
        private static string Shown(char c)
        {
            return TextChars.IsSurrogate(c) ? "a character beyond U+FFFF" : "'" + c.ToString() + "'";
        }

        private static bool IsBase64(char c)
        {
            return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/' || c == '=';
        }

        private static bool PaddingOnlyAtEnd(char[] base64, int length)
        {
            for (int i = 0; i < length; i++)
            {
                if (base64[i] == '=' && i < length - 2)
                {
                    return false;
                }
                if (base64[i] == '=' && i == length - 2 && base64[length - 1] != '=')
                {
                    return false;
                }
            }
            return true;
        }

        /// <summary>The total length the DER SEQUENCE at the start claims (tag, length field, content), or -1.</summary>
        private static int DerSequenceLength(byte[] der)
        {
            if (der.Length < 2 || der[0] != 0x30)
            {
                return -1;
            }
            int first = der[1];
            if (first < 0x80)
            {
                return 2 + first;
            }
            int octets = first & 0x7F;
            if (octets == 0 || octets > 3 || der.Length < 2 + octets)
            {
                return -1;
            }
            int content = 0;
            for (int i = 0; i < octets; i++)
            {
                content = (content << 8) | der[2 + i];
            }
            return 2 + octets + content;
        }
    }
}
