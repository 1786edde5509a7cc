// Reference declaration (signatures only) of nanoFramework.TestFramework 3.0.77, class CollectionAssert.

using System;
using System.Collections;

namespace nanoFramework.TestFramework
{
    public sealed class CollectionAssert
    {
        public static void Empty(ICollection collection, string message = "") { throw new NotImplementedException(); }
        public static void NotEmpty(ICollection collection, string message = "") { throw new NotImplementedException(); }
        public static void AreEqual(ICollection expected, ICollection actual, string message = "") { throw new NotImplementedException(); }
        public static void AreNotEqual(ICollection notExpected, ICollection actual, string message = "") { throw new NotImplementedException(); }
    }
}
