namespace Phytrace.Nano.Batching
{
    /// <summary>Called with each batch the processor closes (the seed's on_batch_ready).</summary>
    public delegate void BatchReadyHandler(Batch batch);
}
