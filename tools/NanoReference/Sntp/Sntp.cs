// Reference declaration (signatures only) of nanoFramework.Networking.Sntp 1.6.42, namespace nanoFramework.Networking.
// Setting Server1 hands lwIP a pointer to the string's characters (nf-interpreter,
// nf_networking_sntp_nanoFramework_Networking_Sntp.cpp): the caller keeps the string alive.

using System;

namespace nanoFramework.Networking
{
    public class Sntp
    {
        public static void Start()
        {
            throw new NotImplementedException();
        }

        public static void Stop()
        {
            throw new NotImplementedException();
        }

        public static void UpdateNow()
        {
            throw new NotImplementedException();
        }

        public static bool IsStarted
        {
            get { throw new NotImplementedException(); }
        }

        public static string Server1
        {
            get { throw new NotImplementedException(); }
            set { throw new NotImplementedException(); }
        }
    }
}
