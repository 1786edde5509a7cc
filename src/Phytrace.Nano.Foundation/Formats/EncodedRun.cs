namespace Phytrace.Nano.Formats
{
    /// <summary>
    /// The bytes of consecutive string members (<c>"event_type":"..","source_id":"..",..</c>) as a
    /// <see cref="JsonWriter"/> last wrote them at one place of a document, kept with the string
    /// objects of their values (up to three; null for a member left out). An event's envelope
    /// strings are the same objects event after event: written again, the run is one copy instead
    /// of a copy per member (on the device each member costs a call and its bookkeeping). Keyed by
    /// reference, like <see cref="EncodedMember"/>. Use with
    /// <see cref="JsonWriter.TryWriteRun"/> and <see cref="JsonWriter.KeepRun"/>.
    /// </summary>
    public sealed class EncodedRun
    {
        // Fields rather than properties: on the device a property read is a call.
        internal bool kept;
        internal string? first;
        internal string? second;
        internal string? third;
        // ',' then the members; length counts the comma.
        internal byte[] bytes = new byte[96];
        internal int length;
        // The writer's current name after the run (named in errors about what follows).
        internal string? lastName;
    }
}
