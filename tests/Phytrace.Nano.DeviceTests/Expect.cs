using System;

namespace Phytrace.Nano.DeviceTests
{
    /// <summary>Thrown by <see cref="Expect"/> to fail the running check.</summary>
    public sealed class CheckFailedException : Exception
    {
        public CheckFailedException(string message) : base(message)
        {
        }
    }

    /// <summary>Assertions without generics, one overload per type the checks compare.</summary>
    public static class Expect
    {
        public static void True(bool condition, string what)
        {
            if (!condition)
            {
                throw new CheckFailedException("expected true: " + what);
            }
        }

        public static void False(bool condition, string what)
        {
            if (condition)
            {
                throw new CheckFailedException("expected false: " + what);
            }
        }

        public static void Equal(long expected, long actual, string what)
        {
            if (expected != actual)
            {
                throw new CheckFailedException(what + ": expected " + expected.ToString() + ", got " + actual.ToString());
            }
        }

        public static void Equal(string expected, string actual, string what)
        {
            if (expected != actual)
            {
                throw new CheckFailedException(what + ": expected \"" + expected + "\", got \"" + actual + "\"");
            }
        }

        public static void Equal(bool expected, bool actual, string what)
        {
            if (expected != actual)
            {
                throw new CheckFailedException(what + ": expected " + (expected ? "true" : "false") + ", got " + (actual ? "true" : "false"));
            }
        }

        public static void BytesEqual(byte[] expected, int expectedOffset, byte[] actual, int actualOffset, int count, string what)
        {
            for (int i = 0; i < count; i++)
            {
                if (expected[expectedOffset + i] != actual[actualOffset + i])
                {
                    throw new CheckFailedException(what + ": bytes differ at index " + i.ToString());
                }
            }
        }

        /// <summary>Passes only if <paramref name="body"/> throws; returns the exception for further checks.</summary>
        public static Exception Throws(CheckBody body, string what)
        {
            try
            {
                body();
            }
            catch (Exception e)
            {
                return e;
            }
            throw new CheckFailedException("expected an exception: " + what);
        }
    }
}
