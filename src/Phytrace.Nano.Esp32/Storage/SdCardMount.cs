using System;
using nanoFramework.Hardware.Esp32;
using nanoFramework.System.IO;
using nanoFramework.System.IO.FileSystem;
using Phytrace.Nano.Configuration;
using PinRouting = nanoFramework.Hardware.Esp32.Configuration;

namespace Phytrace.Nano.Esp32.Storage
{
    /// <summary>Raised when the SD card becomes usable (mounted) or stops being usable.</summary>
    public delegate void SdCardMountChangedHandler(bool mounted);

    /// <summary>
    /// Mounts the SD card as D:\ from a <see cref="SdCardWiring"/>: SPI (the bus's pins are routed
    /// through the GPIO matrix, then bus + chip select) or SDMMC (1 or 4 lines, fixed pins). With a
    /// card-detect pin, inserting a card re-mounts it and <see cref="MountChanged"/> tells the node
    /// to resume the buffer; pulling it reports false. The mount is done here rather than by the
    /// driver's auto-mount so the event is raised only once the card is really usable.
    /// </summary>
    public sealed class SdCardMount : IDisposable
    {
        private readonly object gate = new object();
        private readonly SDCard card;
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

        /// <summary>Card mounted or not.</summary>
        public event SdCardMountChangedHandler? MountChanged;

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
        /// there is no card or it cannot be read; the node retries later or on card insertion.
        /// </summary>
        public bool TryMount()
        {
            lock (gate)
            {
                if (card.IsMounted)
                {
                    return true;
                }
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
            }
            Raise(true);
            return true;
        }

        /// <summary>Unmounts (the buffer must be closed first) and stops listening.</summary>
        public void Dispose()
        {
            card.CardDetectChanged -= OnCardDetectChanged;
            StorageEventManager.RemovableDeviceRemoved -= OnDriveRemoved;
            lock (gate)
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
                    // A card pulled out is already unmounted as far as the node is concerned.
                }
                card.Dispose();
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
            Raise(false);
        }

        private void OnDriveRemoved(object sender, RemovableDriveEventArgs e)
        {
            // Without a card-detect pin this is how a failed or pulled card shows up.
            if (e.Drive != null && e.Drive.Name.StartsWith("D:"))
            {
                Raise(false);
            }
        }

        private void Raise(bool mounted)
        {
            SdCardMountChangedHandler? handler = MountChanged;
            if (handler != null)
            {
                handler(mounted);
            }
        }
    }
}
