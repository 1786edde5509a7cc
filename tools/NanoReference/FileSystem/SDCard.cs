// Reference declaration (signatures only) of nanoFramework.System.IO.FileSystem 1.1.87, namespace nanoFramework.System.IO.FileSystem.
// The SD card driver: SPI (bus + chip select) or SDMMC (1 or 4 lines), optional card detect (null:
// none; without a detect pin nothing reports a pulled card, it shows only as I/O errors).
// The constructor registers the card with the StorageEventManager; Mount() throws when no card
// is present or it cannot be read.

using System;
using nanoFramework.System.IO;

namespace nanoFramework.System.IO.FileSystem
{
    public delegate void CardDetectStateEventHandler(object sender, CardDetectChangedEventArgs e);

    public class SDCard : IDisposable
    {
        public SDCard(SDCardSpiParameters spiParameters, CardDetectParameters cdParameters = null)
        {
            throw new NotImplementedException();
        }

        public SDCard(SDCardMmcParameters mmcParameters, CardDetectParameters cdParameters = null)
        {
            throw new NotImplementedException();
        }

        public event CardDetectStateEventHandler CardDetectChanged;

        public bool IsMounted
        {
            get { throw new NotImplementedException(); }
        }

        public bool IsCardDetected
        {
            get { throw new NotImplementedException(); }
        }

        public void Mount()
        {
            throw new NotImplementedException();
        }

        public void Unmount()
        {
            throw new NotImplementedException();
        }

        public void Dispose()
        {
            throw new NotImplementedException();
        }

        public enum SDDataWidth
        {
            _1_bit = 1,
            _4_bit = 2,
        }
    }

    public class SDCardSpiParameters
    {
        public uint slotIndex;
        public uint spiBus;
        public uint chipSelectPin;
    }

    public class SDCardMmcParameters
    {
        public uint slotIndex;
        public SDCard.SDDataWidth dataWidth;
    }

    public class CardDetectParameters
    {
        public bool enableCardDetectPin;
        public bool cardDetectedState;
        public uint cardDetectPin;
        public bool autoMount;
    }
}
