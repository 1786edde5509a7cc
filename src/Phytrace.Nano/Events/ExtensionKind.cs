namespace Phytrace.Nano.Events
{
    /// <summary>The JSON type of one extensions entry.</summary>
    public enum ExtensionKind
    {
        String = 0,
        Number = 1,
        Integer = 2,
        Boolean = 3,
    }
}
