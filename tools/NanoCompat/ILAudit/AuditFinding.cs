namespace Phytrace.Nano.ILAudit;

/// <summary>What the nanoFramework 1.x toolchain or runtime would reject.</summary>
public enum AuditRule
{
    GenericDefinition,
    GenericInstantiation,
    AsyncStateMachine,
    PointerType,
    Localloc,
    ForeignReference,
}

/// <summary>One rejected construct, located by type and member.</summary>
public sealed record AuditFinding(AuditRule Rule, string Location, string Detail)
{
    public override string ToString() => $"{RuleText(Rule)} in {Location}: {Detail}";

    private static string RuleText(AuditRule rule) => rule switch
    {
        AuditRule.GenericDefinition => "generic definition",
        AuditRule.GenericInstantiation => "generic instantiation",
        AuditRule.AsyncStateMachine => "async state machine",
        AuditRule.PointerType => "pointer type",
        AuditRule.Localloc => "localloc (stackalloc)",
        AuditRule.ForeignReference => "reference outside the allowed assemblies",
        _ => rule.ToString(),
    };
}
