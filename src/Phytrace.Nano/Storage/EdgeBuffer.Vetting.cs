namespace Phytrace.Nano.Storage
{
    /// <summary>
    /// Which records the uplink need not scan again (FORMAT.md, "Vetted records"): the run of
    /// sequences written by <see cref="EnqueueVetted"/> in this mount with no other Enqueue among
    /// them. Sequences are never reused, so a sequence in the run names exactly the bytes that were
    /// vetted, and a read returns them only after every slot's CRC (or the seal) has held. Kept in
    /// memory only: a mount starts with no vetted records, so nothing written before it (by an older
    /// firmware, another tool, a card edited elsewhere) skips the send-time scan.
    /// </summary>
    public sealed partial class EdgeBuffer
    {
        private long vettedFrom = -1;
        private long vettedThrough = -1;
    }
}
