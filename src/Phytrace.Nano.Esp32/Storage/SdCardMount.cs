using System;
using nanoFramework.Hardware.Esp32;
using nanoFramework.System.IO;
using nanoFramework.System.IO.FileSystem;
using Phytrace.Nano.Configuration;
using Phytrace.Nano.Storage;
using PinRouting = nanoFramework.Hardware.Esp32.Configuration;

namespace Phytrace.Nano.Esp32.Storage
{
    /// <summary>
    /// Mounts the SD card as D:\ from a <see cref="SdCardWiring"/>: SPI (the bus's pins are routed
    /// through the GPIO matrix, then bus + chip select) or SDMMC (1 or 4 lines, fixed pins).
    /// <para>
    /// What the driver reports (System.IO.FileSystem and nf-interpreter's ESP32 natives): with a
    /// card-detect pin, inserting a card raises CardDetectChanged (this class mounts it) and
    /// pulling it raises CardDetectChanged and then, from the unmount, RemovableDeviceRemoved: two
    /// reports of one removal, which <see cref="MountChanged"/> turns into one. Without a detect
    /// pin nothing is raised when the card is pulled (RemovableDeviceRemoved is posted only by an
    /// unmount): the card shows up only as I/O errors of the ring file. RemountingMedium turns
    /// those into <see cref="Remount"/> calls, which bring the card back once it is inserted again.
    /// </para>
    /// The mount is done here rather than by the driver's auto-mount so that MountChanged(true)
    /// is raised only once the card is really usable.
    /// </summary>
    public sealed class SdCardMount : IRemovableVolume, IDisposable
    {
        private readonly object gate = new object();
        private readonly SDCard card;
        private readonly MountState state = new MountState();
        private string lastError = string.Empty;

        /// <summary>Configures the card from <paramref name="wiring"/>; call <see cref="TryMount"/> to mount.</summary>
        public SdCardMount(SdCardWiring wiring)
        {
            var detect = new CardDetectParameters
            {
                enableCardDetectPin = wiring.HasCardDetect,
                cardDetectPin = wiring.HasCardDetect ? (uint)wiring.CardDetectPin : 0,
                cardDetectedState = wiring.CardDetectActiveHigh,
                autoMount = false,
            };
            if (wiring.Interface == SdInterface.Spi)
            {
                RouteSpiPins(wiring);
                var spi = new SDCardSpiParameters
                {
                    slotIndex = 0,
                    spiBus = (uint)wiring.SpiBus,
                    chipSelectPin = (uint)wiring.ChipSelectPin,
                };
                card = new SDCard(spi, detect);
            }
            else if (wiring.Interface == SdInterface.Mmc)
            {
                var mmc = new SDCardMmcParameters
                {
                    slotIndex = 0,
                    dataWidth = wiring.MmcWidth == 4 ? SDCard.SDDataWidth._4_bit : SDCard.SDDataWidth._1_bit,
                };
                card = new SDCard(mmc, detect);
            }
            else
            {
                throw new ArgumentException("sd.interface is None: there is no SD card to mount");
            }
            card.CardDetectChanged += OnCardDetectChanged;
            StorageEventManager.RemovableDeviceRemoved += OnDriveRemoved;
        }

        /// <summary>Card mounted (true) or gone (false); once per change, on the driver's event thread.</summary>
        public event MountChangedHandler MountChanged
        {
            add { state.Changed += value; }
            remove { state.Changed -= value; }
        }

        /// <summary>True while the card is mounted.</summary>
        public bool IsMounted
        {
            get { return card.IsMounted; }
        }

        /// <summary>Why the last mount failed (the driver's message), or empty.</summary>
        public string LastError
        {
            get { return lastError; }
        }

        /// <summary>
        /// Mounts the card if it is not mounted. Returns false, with <see cref="LastError"/>, when
        /// there is no card or it cannot be read.
        /// </summary>
        public bool TryMount()
        {
            lock (gate)
            {
                if (!card.IsMounted && !MountLocked())
                {
                    return false;
                }
            }
            state.Set(true);
            return true;
        }

        /// <inheritdoc />
        public bool Remount()
        {
            lock (gate)
            {
                // After the card was pulled the driver may still call it mounted; start over.
                UnmountLocked();
                if (!MountLocked())
                {
                    state.Set(false);
                    return false;
                }
            }
            state.Set(true);
            return true;
        }

        /// <summary>Unmounts (the buffer must be closed first) and stops listening.</summary>
        public void Dispose()
        {
            card.CardDetectChanged -= OnCardDetectChanged;
            StorageEventManager.RemovableDeviceRemoved -= OnDriveRemoved;
            lock (gate)
            {
                UnmountLocked();
                card.Dispose();
            }
        }

        private bool MountLocked()
        {
            try
            {
                card.Mount();
            }
            catch (Exception e)
            {
                lastError = e.Message;
                return false;
            }
            lastError = string.Empty;
            return true;
        }

        private void UnmountLocked()
        {
            try
            {
                if (card.IsMounted)
                {
                    card.Unmount();
                }
            }
            catch (Exception)
            {
                // Unmounting a card that is gone may fail; it is unusable either way.
            }
        }

        private static void RouteSpiPins(SdCardWiring wiring)
        {
            bool first = wiring.SpiBus == 1;
            PinRouting.SetPinFunction(wiring.MosiPin, first ? DeviceFunction.SPI1_MOSI : DeviceFunction.SPI2_MOSI);
            PinRouting.SetPinFunction(wiring.MisoPin, first ? DeviceFunction.SPI1_MISO : DeviceFunction.SPI2_MISO);
            PinRouting.SetPinFunction(wiring.ClockPin, first ? DeviceFunction.SPI1_CLOCK : DeviceFunction.SPI2_CLOCK);
        }

        private void OnCardDetectChanged(object sender, CardDetectChangedEventArgs e)
        {
            if (e.CardState == CardDetectState.Inserted)
            {
                TryMount();
                return;
            }
            lock (gate)
            {
                UnmountLocked();
            }
            state.Set(false);
        }

        private void OnDriveRemoved(object sender, RemovableDriveEventArgs e)
        {
            // Posted by an unmount (ours, or the driver's): the second report of a removal, or a
            // late one from the unmount a Remount did before mounting again, which IsMounted shows.
            if (e.Drive != null && e.Drive.Name.StartsWith("D:") && !card.IsMounted)
            {
                state.Set(false);
            }
        }
    }
}
