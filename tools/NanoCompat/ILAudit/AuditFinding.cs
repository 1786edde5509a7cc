namespace Phytrace.Nano.ILAudit;

/// <summary>What the nanoFramework 1.x toolchain or runtime would reject, or run differently from .NET.</summary>
public enum AuditRule
{
    GenericDefinition,
    GenericInstantiation,
    AsyncStateMachine,
    PointerType,
    Localloc,
    ForeignReference,
    StringIndexer,
    ArrayElementComparedWithNull,
    UnsignedUsedAsSigned,
    CallJustBeforeTry,
    ConstantDividedByVariable,
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
        AuditRule.StringIndexer => "string indexer",
        AuditRule.ArrayElementComparedWithNull => "array element compared with null",
        AuditRule.UnsignedUsedAsSigned => "unsigned value used as signed",
        AuditRule.CallJustBeforeTry => "call just before a try",
        AuditRule.ConstantDividedByVariable => "floating-point constant divided by a variable",
        _ => rule.ToString(),
    };
}
