namespace Phytrace.Nano.Formats
{
    /// <summary>
    /// The bytes of one string member, <c>"name":"value"</c>, as a <see cref="JsonWriter"/> last
    /// wrote them at one place of a document, kept with the string they came from. The envelope's
    /// strings (udm_version, event_type, source_id, source_type, session_id, sdk_version) are the
    /// same string objects event after event: written again, they are one copy instead of a UTF-8
    /// encoding and an escape search. Keyed by reference, so a string that merely has the same
    /// text is encoded afresh (and the bytes replaced, in the same array when it is big enough).
    /// One per member and place; pass it to <see cref="JsonWriter.WriteString(JsonName, string, EncodedMember)"/>.
    /// </summary>
    public sealed class EncodedMember
    {
        // Fields rather than properties: on the device a property read is a call.
        internal string? value;
        // ',' then the member; length counts the comma.
        internal byte[] bytes = new byte[48];
        internal int length;
    }
}
