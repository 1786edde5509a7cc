namespace Phytrace.Nano.DeviceTestRunner;

/// <summary>What the launcher runs a method as.</summary>
public enum CaseKind
{
    Setup,
    Test,
    DataRow,
    Cleanup,
}

/// <summary>
/// One line the UnitTestLauncher must print for a test assembly: <paramref name="Name"/> is its
/// "Namespace.Type.Method.N" (the declaring type; N the data row, else 0), <paramref name="TestClass"/>
/// the [TestClass] it runs under.
/// </summary>
public sealed record ExpectedCase(string TestClass, string Name, CaseKind Kind);
