using Phytrace.Nano.ILAudit;
using Phytrace.Nano.Tests.Support;

namespace Phytrace.Nano.Tests.Compat;

/// <summary>
/// The IL audit's rules for code that nanoCLR runs differently from .NET (docs/device-differences.md).
/// Each rule must report the risky shape, in the compile mode where it appears, and stay quiet on
/// the safe forms the core uses instead.
/// </summary>
public class RuntimeDifferenceAuditTests
{
    private static IReadOnlyList<AuditFinding> Audit(string source, bool optimize, params string[] stringIndexerAllowedIn)
    {
        byte[] image = SnippetCompiler.Compile("Snippet", new[] { SnippetCompiler.NanoMscorlib }, optimize, source);
        using var pe = SnippetCompiler.Reader(image);
        return NanoILAuditor.Audit(pe, new[] { "mscorlib" }, stringIndexerAllowedIn);
    }

    private static IReadOnlyList<AuditFinding> Of(AuditRule rule, IReadOnlyList<AuditFinding> findings) => findings.Where(f => f.Rule == rule).ToList();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_string_indexer_is_reported_outside_the_allowed_reader(bool optimize)
    {
        const string source = "public static class Text { public static char First(string s) { return s[0]; } }";

        AuditFinding finding = Assert.Single(Of(AuditRule.StringIndexer, Audit(source, optimize)));
        Assert.Equal("Text.First", finding.Location);
        Assert.Empty(Of(AuditRule.StringIndexer, Audit(source, optimize, "Text")));
    }

    [Fact]
    public void ToCharArray_is_not_the_indexer()
    {
        Assert.Empty(Audit("public static class Text { public static char First(string s) { return s.ToCharArray()[0]; } }", false));
    }

    // The shape PinUsage had: a slot of a fresh string[] compared with null through a local.
    private const string PinUsageBefore = """
        public sealed class Pins
        {
            private readonly string[] owners = new string[49];
            public string Claim(string role, int gpio)
            {
                string owner = owners[gpio];
                if (owner != null) { return owner; }
                owners[gpio] = role;
                return null;
            }
        }
        """;

    [Fact]
    public void An_array_element_compared_with_null_through_a_local_is_reported_in_unoptimised_code()
    {
        AuditFinding finding = Assert.Single(Of(AuditRule.ArrayElementComparedWithNull, Audit(PinUsageBefore, optimize: false)));
        Assert.Equal("Pins.Claim", finding.Location);
    }

    [Fact]
    public void The_optimised_branch_on_the_element_is_right_on_the_device_and_not_reported()
    {
        // Release turns the compare into brfalse, which nanoCLR gets right: the CoreDebug gate is what catches PinUsage.
        Assert.Empty(Of(AuditRule.ArrayElementComparedWithNull, Audit(PinUsageBefore, optimize: true)));
    }

    [Theory]
    [InlineData(false, "public static class A { public static bool Set(string[] a, int i) { return a[i] != null; } }")]
    [InlineData(true, "public static class A { public static bool Set(string[] a, int i) { return a[i] != null; } }")]
    [InlineData(false, "public static class A { public static bool Unset(string[] a, int i) { return a[i] is null; } }")]
    [InlineData(false, "public static class A { public static bool Unset(string[] a, int i) { return ReferenceEquals(a[i], null); } }")]
    public void A_null_compare_used_as_a_value_is_reported_in_both_modes(bool optimize, string source)
    {
        Assert.Single(Of(AuditRule.ArrayElementComparedWithNull, Audit(source, optimize)));
    }

    [Fact]
    public void Tracking_set_slots_in_a_bool_array_is_not_reported()
    {
        const string source = """
            public sealed class Pins
            {
                private readonly bool[] claimed = new bool[49];
                private readonly string[] owners = new string[49];
                public string Claim(string role, int gpio)
                {
                    if (claimed[gpio]) { return owners[gpio]; }
                    claimed[gpio] = true;
                    owners[gpio] = role;
                    return null;
                }
            }
            """;
        Assert.Empty(Audit(source, optimize: false));
        Assert.Empty(Audit(source, optimize: true));
    }

    [Theory]
    [InlineData("return (long)U8() >> 2;", "shr")]
    [InlineData("return (long)U8() / 4;", "div")]
    [InlineData("return (long)U8() % 3;", "rem")]
    [InlineData("return (long)((double)(long)U8());", "conv.r8")]
    [InlineData("return ((long)U8() + 1) >> 2;", "shr")]
    [InlineData("return (int)U4() >> 2;", "shr")]
    [InlineData("return (long)(int)U4();", "conv.i8")]
    [InlineData("uint u = U4(); return (int)u >> 2;", "shr")]
    [InlineData("return (int)field >> 2;", "shr")]
    public void An_unsigned_value_cast_to_signed_and_used_at_once_is_reported(string body, string use)
    {
        string source = "public sealed class C { private uint field = 1; static ulong U8() { return 0xFFFFFFFFFFFFFFF0UL; } static uint U4() { return 0xFFFFFFF0u; } "
            + "public long F() { " + body + " } }";
        foreach (bool optimize in new[] { false, true })
        {
            AuditFinding finding = Assert.Single(Of(AuditRule.UnsignedUsedAsSigned, Audit(source, optimize)));
            Assert.Equal("C.F", finding.Location);
            Assert.Contains("used at once by " + use, finding.Detail, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("return (long)(U8() >> 2);")]                       // unsigned shift (shr.un)
    [InlineData("return (long)U4() >> 2;")]                         // zero-extended first (conv.u8): never negative
    [InlineData("return (long)(U8() / 4);")]                        // unsigned division
    [InlineData("return (long)(double)U8();")]                      // conv.r.un
    [InlineData("long x = (long)U8(); return x >> 2;")]             // through a signed local (unoptimised; Release removes it)
    [InlineData("return (long)U8() + 1;")]                          // add, mul, compare: the same bits either way
    public void Unsigned_arithmetic_and_values_retyped_by_a_signed_local_are_not_reported(string body)
    {
        string source = "public sealed class C { static ulong U8() { return 0xFFFFFFFFFFFFFFF0UL; } static uint U4() { return 0xFFFFFFF0u; } "
            + "public long F() { " + body + " } }";
        Assert.Empty(Of(AuditRule.UnsignedUsedAsSigned, Audit(source, optimize: false)));
    }

    [Fact]
    public void A_signed_local_the_optimised_compile_removes_is_reported_there()
    {
        const string source = "public sealed class C { static ulong U8() { return 0xFFFFFFFFFFFFFFF0UL; } public long F() { long x = (long)U8(); return x >> 2; } }";
        Assert.Single(Of(AuditRule.UnsignedUsedAsSigned, Audit(source, optimize: true)));
    }

    private const string CallBeforeTry = """
        public static class Io
        {
            static void Check(int x) { if (x > 0) { throw new System.ArgumentException("x"); } }
            static void Work() { }
            public static bool Read(int x)
            {
                Check(x);
                try { Work(); return true; }
                catch (System.ArgumentException) { return false; }
            }
        }
        """;

    [Fact]
    public void A_call_just_before_a_try_is_reported_where_the_optimised_compile_puts_it_there()
    {
        // Measured: in the optimised compile the catch ran for Check's exception, and a finally ran too.
        AuditFinding finding = Assert.Single(Of(AuditRule.CallJustBeforeTry, Audit(CallBeforeTry, optimize: true)));
        Assert.Equal("Io.Read", finding.Location);
        Assert.Contains("calls Io.Check just before a try", finding.Detail, StringComparison.Ordinal);
        Assert.Empty(Of(AuditRule.CallJustBeforeTry, Audit(CallBeforeTry, optimize: false))); // a nop starts every try there
    }

    [Fact]
    public void A_call_inside_the_try_or_a_value_stored_between_is_not_reported()
    {
        const string source = """
            public static class Io
            {
                static void Check(int x) { if (x > 0) { throw new System.ArgumentException("x"); } }
                static int Size() { return 1; }
                public static bool Read(int x)
                {
                    try { Check(x); return true; }
                    catch (System.ArgumentException) { return false; }
                }
                public static int Sized()
                {
                    int n = Size();
                    try { return n + 1; }
                    finally { n = 0; }
                }
                private static readonly object Gate = new object();
                public static int Locked()
                {
                    lock (Gate) { return Size(); } // Monitor.Enter before the try: nano mscorlib has no Enter(object, ref bool)
                }
            }
            """;
        Assert.Empty(Of(AuditRule.CallJustBeforeTry, Audit(source, optimize: true)));
    }

    // nanoCLR throws System.Exception for 1.0 / -0.0 (and every other floating-point division by
    // zero): the .NET idiom for the sign of zero throws there (device test Platform/FloatingDivisionTests).
    [Theory]
    [InlineData(false, "return value == 0 && 1 / value < 0;")]
    [InlineData(true, "return value == 0 && 1 / value < 0;")]
    [InlineData(false, "return 1.0 / (value - Offset()) > 2;")]
    [InlineData(true, "return 2.5f % (float)value > 1;")]
    public void A_floating_point_constant_divided_by_a_variable_is_reported(bool optimize, string body)
    {
        string source = "public static class Numbers { static double Offset() { return 1; } public static bool Test(double value) { " + body + " } }";

        AuditFinding finding = Assert.Single(Of(AuditRule.ConstantDividedByVariable, Audit(source, optimize)));
        Assert.Equal("Numbers.Test", finding.Location);
        Assert.Contains("nanoCLR throws System.Exception", finding.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Divisions_of_variables_by_anything_and_of_integers_are_not_reported(bool optimize)
    {
        // The core's forms: a guarded division of two variables (RetryPolicy), a division by a
        // power of ten (ShortDecimal), a constant folded by the compiler, and integer division.
        const string source = """
            public static class Numbers
            {
                public static double Cap(int max, int initial) { return initial == 0 ? 0 : (double)max / initial; }
                public static bool Exact(long m, double power, double v) { return (double)m / power == v; }
                public static double Folded() { return 1.0 / 3.0; }
                public static int Whole(int a, int b) { return 1000 / b + a % 7; }
                public static bool IsNegative(double value) { return System.BitConverter.DoubleToInt64Bits(value) < 0; }
            }
            """;
        Assert.Empty(Of(AuditRule.ConstantDividedByVariable, Audit(source, optimize)));
    }
}
