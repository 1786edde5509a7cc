using System;

namespace Phytrace.Nano.Storage
{
    /// <summary>A storage medium could not read, write or flush; <see cref="Failure"/> says why.</summary>
    public class StorageMediumException : Exception
    {
        public StorageMediumException(MediumFailure failure, string message)
            : base(message)
        {
            Failure = failure;
        }

        public StorageMediumException(MediumFailure failure, string message, Exception innerException)
            : base(message, innerException)
        {
            Failure = failure;
        }

        /// <summary>The kind of failure.</summary>
        public MediumFailure Failure { get; private set; }

        /// <summary>Text for a failure kind (Enum.ToString prints a number on the device).</summary>
        public static string FailureName(MediumFailure failure)
        {
            switch (failure)
            {
                case MediumFailure.None: return "none";
                case MediumFailure.NotPresent: return "not present";
                case MediumFailure.Full: return "full";
                case MediumFailure.ReadOnly: return "read-only";
                default: return "I/O error";
            }
        }
    }
}
