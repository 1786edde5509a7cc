using Phytrace.Nano.DeviceTests;
using Phytrace.Nano.Storage;

namespace Phytrace.Nano.Tests.Support;

/// <summary>
/// An SD card slot without a card-detect pin, around the medium of the ring file: pulling the card
/// makes every operation fail (not present) and raises nothing; pushing it back in changes nothing
/// either until the volume is mounted again, as with FatFs on the ESP32. Counts mount attempts.
/// </summary>
public sealed class SimulatedCardSlot : IRemovableVolume
{
    private readonly FaultInjectingMedium card;
    private bool inserted = true;

    public SimulatedCardSlot(IStorageMedium ringFile)
    {
        card = new FaultInjectingMedium(ringFile);
    }

    /// <summary>The ring file as the node sees it through the slot.</summary>
    public IStorageMedium Medium => card;

    public int MountAttempts { get; private set; }

    public string LastError { get; private set; } = string.Empty;

    public void Pull()
    {
        inserted = false;
        card.Vanish();
    }

    public void Insert() => inserted = true;

    public bool Remount()
    {
        MountAttempts++;
        if (!inserted)
        {
            LastError = "no card in the slot";
            return false;
        }
        LastError = string.Empty;
        card.Return();
        return true;
    }
}
