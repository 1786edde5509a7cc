using System.Reflection.Metadata;
using Phytrace.Nano.DeviceTestRunner;
using Phytrace.Nano.Tests.Support;

namespace Phytrace.Nano.Tests.DeviceTestRunner;

/// <summary>
/// The device run holds the launcher to the cases a test assembly declares; these tests hold that
/// count to the launcher's rules (measured on the kit: see the comments) on small assemblies.
/// </summary>
public class TestAssemblyModelTests
{
    // The attributes as nanoFramework.TestFramework declares them; the model matches them by name.
    private const string Framework = """
        namespace nanoFramework.TestFramework
        {
            public class TestClassAttribute : System.Attribute { }
            public class TestMethodAttribute : System.Attribute { }
            public class SetupAttribute : System.Attribute { }
            public class CleanupAttribute : System.Attribute { }
            [System.AttributeUsage(System.AttributeTargets.Method, AllowMultiple = true)]
            public class DataRowAttribute : System.Attribute { public DataRowAttribute(params object[] values) { } }
        }
        """;

    private static TestAssemblyModel Model(string tests)
    {
        byte[] image = SnippetCompiler.Compile("NFUnitTest", new[] { SnippetCompiler.NanoMscorlib }, Framework, "using nanoFramework.TestFramework;\n" + tests);
        using var pe = SnippetCompiler.Reader(image);
        return TestAssemblyModel.Read(pe.GetMetadataReader());
    }

    [Fact]
    public void Counts_setup_tests_rows_and_cleanup_once_each()
    {
        var model = Model("""
            namespace P {
            [TestClass] public class A {
              [Setup] public void Init() { }
              [TestMethod] public void Plain() { }
              [TestMethod][DataRow(1)][DataRow(2)][DataRow(3)] public void Rows(int n) { }
              [DataRow(7L)] public void OnlyRow(long n) { }
              [Cleanup] public void Done() { }
              public void Helper() { }
            } }
            """);

        Assert.Empty(model.Problems);
        // A [TestMethod] with data rows runs only as its rows (kit: Rows.0, Rows.1, no plain Rows line).
        Assert.Equal(
            new[] { "P.A.Init.0", "P.A.Plain.0", "P.A.Rows.0", "P.A.Rows.1", "P.A.Rows.2", "P.A.OnlyRow.0", "P.A.Done.0" }.Order(),
            model.Cases.Select(c => c.Name).Order());
        Assert.All(model.Cases, c => Assert.Equal("P.A", c.TestClass));
        Assert.Equal(CaseKind.Setup, model.Cases.Single(c => c.Name == "P.A.Init.0").Kind);
    }

    [Fact]
    public void Classes_without_TestClass_add_nothing()
    {
        var model = Model("namespace P { public class NotATest { [TestMethod] public void Looks() { } } }");
        Assert.Empty(model.Cases);
    }

    [Fact]
    public void Inherited_tests_run_under_the_declaring_type_and_nested_classes_use_a_plus()
    {
        // Kit: "Probe.Base.Inherited.0" under [TestClass] Derived, "Probe.Derived+Nested.InNested.0".
        var model = Model("""
            namespace P {
            public abstract class Base { [TestMethod] public void Inherited() { } }
            [TestClass] public class Derived : Base {
              [TestMethod] public void Own() { }
              [TestClass] public class Nested { [TestMethod] public void InNested() { } }
            } }
            """);

        Assert.Contains(model.Cases, c => c.Name == "P.Base.Inherited.0" && c.TestClass == "P.Derived");
        Assert.Contains(model.Cases, c => c.Name == "P.Derived.Own.0");
        Assert.Contains(model.Cases, c => c.Name == "P.Derived+Nested.InNested.0" && c.TestClass == "P.Derived+Nested");
    }

    [Fact]
    public void A_test_that_is_not_public_is_a_problem_because_the_launcher_never_runs_it()
    {
        var model = Model("namespace P { [TestClass] public class A { [TestMethod] private void Hidden() { } [TestMethod] internal void Inner() { } } }");

        Assert.Empty(model.Cases);
        Assert.Contains(model.Problems, p => p.StartsWith("P.A.Hidden is a test but not public", StringComparison.Ordinal));
        Assert.Contains(model.Problems, p => p.StartsWith("P.A.Inner is a test but not public", StringComparison.Ordinal));
    }

    [Fact]
    public void An_array_from_a_data_row_is_a_problem_because_the_launcher_then_runs_nothing()
    {
        // Kit: one [DataRow(new byte[] { 1, 2, 3 })] in the assembly and the launcher printed no line at all.
        var model = Model("namespace P { [TestClass] public class A { [DataRow(new byte[] { 1 })] public void Arr(byte[] a) { } } }");

        Assert.Contains(model.Problems, p => p.StartsWith("P.A.Arr takes an array from [DataRow]", StringComparison.Ordinal));
    }
}
