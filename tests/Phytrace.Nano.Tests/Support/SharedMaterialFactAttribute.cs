using System.Runtime.CompilerServices;
using Xunit.Sdk;

namespace Phytrace.Nano.Tests.Support;

/// <summary>
/// [SkippableFact] for a test that needs <paramref name="material"/> from ../shared ("phyudm",
/// "nanoframework"; see <see cref="SharedMaterial"/>). Where the material is missing the test is
/// listed as "needs ../shared/{material}: {test}", so the run's list of skipped tests names what
/// each one needs (`dotnet test` prints skipped names, not their reasons). The skip itself comes
/// from <see cref="SharedMaterial.Require"/> in the test.
/// </summary>
[XunitTestCaseDiscoverer("Xunit.Sdk.SkippableFactDiscoverer", "Xunit.SkippableFact")]
public sealed class SharedMaterialFactAttribute : SkippableFactAttribute
{
    public SharedMaterialFactAttribute(string material, [CallerMemberName] string test = "")
    {
        DisplayName = SharedMaterial.Named(material).DisplayNameWhereMissing(test);
    }
}

/// <summary>[SkippableTheory] for a test that needs material from ../shared; see <see cref="SharedMaterialFactAttribute"/>.</summary>
[XunitTestCaseDiscoverer("Xunit.Sdk.SkippableTheoryDiscoverer", "Xunit.SkippableFact")]
public sealed class SharedMaterialTheoryAttribute : SkippableTheoryAttribute
{
    public SharedMaterialTheoryAttribute(string material, [CallerMemberName] string test = "")
    {
        DisplayName = SharedMaterial.Named(material).DisplayNameWhereMissing(test);
    }
}
