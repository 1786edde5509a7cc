using Phytrace.Nano.ILAudit;

// Usage: Phytrace.Nano.ILAudit <assembly.dll> [--allow "mscorlib;Other"] [--string-indexer-in "Ns.Type;..."]
// Prints one "error NANO001: ..." line per finding (MSBuild shows them as build errors) and exits 1.
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: Phytrace.Nano.ILAudit <assembly.dll> [--allow \"mscorlib;Other\"] [--string-indexer-in \"Ns.Type;...\"]");
    return 2;
}

string assembly = args[0];
var allowed = new List<string> { "mscorlib" };
var stringIndexerIn = new List<string>();
for (int i = 1; i < args.Length - 1; i++)
{
    if (args[i] == "--allow")
    {
        allowed.AddRange(args[i + 1].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
    else if (args[i] == "--string-indexer-in")
    {
        stringIndexerIn.AddRange(args[i + 1].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}

if (!File.Exists(assembly))
{
    Console.Error.WriteLine($"error NANO000: assembly '{assembly}' not found");
    return 2;
}

IReadOnlyList<AuditFinding> findings = NanoILAuditor.Audit(assembly, allowed, stringIndexerIn);
foreach (AuditFinding finding in findings)
{
    Console.WriteLine($"error NANO001: {Path.GetFileName(assembly)}: {finding} (nanoFramework 1.x rejects this or runs it differently from .NET)");
}
Console.WriteLine(findings.Count == 0
    ? $"nano IL audit: {Path.GetFileName(assembly)} clean"
    : $"nano IL audit: {Path.GetFileName(assembly)}: {findings.Count} finding(s)");
return findings.Count == 0 ? 0 : 1;
