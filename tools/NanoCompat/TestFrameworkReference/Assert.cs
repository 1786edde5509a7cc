// Reference declaration (signatures only) of nanoFramework.TestFramework 3.0.77, class Assert:
// its current (not obsolete) members.

using System;

namespace nanoFramework.TestFramework
{
    public sealed class Assert
    {
        public static void IsTrue(bool condition, string message = "") { throw new NotImplementedException(); }
        public static void IsFalse(bool condition, string message = "") { throw new NotImplementedException(); }
        public static void IsNull(object value, string message = "") { throw new NotImplementedException(); }
        public static void IsNotNull(object value, string message = "") { throw new NotImplementedException(); }
        public static void AreSame(object expected, object actual, string message = "") { throw new NotImplementedException(); }
        public static void AreNotSame(object notExpected, object actual, string message = "") { throw new NotImplementedException(); }
        public static void Contains(string expected, string value, string message = "") { throw new NotImplementedException(); }
        public static void DoesNotContains(string notExpected, string value, string message = "") { throw new NotImplementedException(); }
        public static void StartsWith(string expected, string value, string message = "") { throw new NotImplementedException(); }
        public static void EndsWith(string expected, string value, string message = "") { throw new NotImplementedException(); }
        public static void IsInstanceOfType(object value, Type expected, string message = "") { throw new NotImplementedException(); }
        public static void IsNotInstanceOfType(object value, Type notExpected, string message = "") { throw new NotImplementedException(); }
        public static void ThrowsException(Type exception, Action action, string message = "") { throw new NotImplementedException(); }
        public static void SkipTest(string message = null) { throw new NotImplementedException(); }

        public static void AreEqual(bool expected, bool actual, string message = "") { throw new NotImplementedException(); }
        public static void AreEqual(byte expected, byte actual, string message = "") { throw new NotImplementedException(); }
        public static void AreEqual(char expected, char actual, string message = "") { throw new NotImplementedException(); }
        public static void AreEqual(DateTime expected, DateTime actual, string message = "") { throw new NotImplementedException(); }
        public static void AreEqual(double expected, double actual, string message = "") { throw new NotImplementedException(); }
        public static void AreEqual(float expected, float actual, string message = "") { throw new NotImplementedException(); }
        public static void AreEqual(int expected, int actual, string message = "") { throw new NotImplementedException(); }
        public static void AreEqual(long expected, long actual, string message = "") { throw new NotImplementedException(); }
        public static void AreEqual(object expected, object actual, string message = "") { throw new NotImplementedException(); }
        public static void AreEqual(sbyte expected, sbyte actual, string message = "") { throw new NotImplementedException(); }
        public static void AreEqual(short expected, short actual, string message = "") { throw new NotImplementedException(); }
        public static void AreEqual(string expected, string actual, string message = "") { throw new NotImplementedException(); }
        public static void AreEqual(uint expected, uint actual, string message = "") { throw new NotImplementedException(); }
        public static void AreEqual(ulong expected, ulong actual, string message = "") { throw new NotImplementedException(); }
        public static void AreEqual(ushort expected, ushort actual, string message = "") { throw new NotImplementedException(); }

        public static void AreNotEqual(bool notExpected, bool actual, string message = "") { throw new NotImplementedException(); }
        public static void AreNotEqual(byte notExpected, byte actual, string message = "") { throw new NotImplementedException(); }
        public static void AreNotEqual(char notExpected, char actual, string message = "") { throw new NotImplementedException(); }
        public static void AreNotEqual(DateTime notExpected, DateTime actual, string message = "") { throw new NotImplementedException(); }
        public static void AreNotEqual(double notExpected, double actual, string message = "") { throw new NotImplementedException(); }
        public static void AreNotEqual(float notExpected, float actual, string message = "") { throw new NotImplementedException(); }
        public static void AreNotEqual(int notExpected, int actual, string message = "") { throw new NotImplementedException(); }
        public static void AreNotEqual(long notExpected, long actual, string message = "") { throw new NotImplementedException(); }
        public static void AreNotEqual(object notExpected, object actual, string message = "") { throw new NotImplementedException(); }
        public static void AreNotEqual(sbyte notExpected, sbyte actual, string message = "") { throw new NotImplementedException(); }
        public static void AreNotEqual(short notExpected, short actual, string message = "") { throw new NotImplementedException(); }
        public static void AreNotEqual(string notExpected, string actual, string message = "") { throw new NotImplementedException(); }
        public static void AreNotEqual(uint notExpected, uint actual, string message = "") { throw new NotImplementedException(); }
        public static void AreNotEqual(ulong notExpected, ulong actual, string message = "") { throw new NotImplementedException(); }
        public static void AreNotEqual(ushort notExpected, ushort actual, string message = "") { throw new NotImplementedException(); }
    }
}
