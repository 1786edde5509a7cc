// Reference declaration (signatures only) of nanoFramework.System.IO.FileSystem 1.1.87, namespace nanoFramework.System.IO.
// Card-detect and removable-drive notifications. Events come from the native storage driver
// on the runtime's event thread.

using System;
using System.IO;

namespace nanoFramework.System.IO
{
    public enum CardDetectState
    {
        Inserted,
        Removed,
    }

    public class CardDetectChangedEventArgs : EventArgs
    {
        private CardDetectChangedEventArgs()
        {
            throw new NotImplementedException();
        }

        public CardDetectState CardState
        {
            get { throw new NotImplementedException(); }
        }

        public uint SlotIndex
        {
            get { throw new NotImplementedException(); }
        }
    }

    public delegate void RemovableDeviceEventHandler(object sender, RemovableDriveEventArgs e);

    public class RemovableDriveEventArgs : EventArgs
    {
        private RemovableDriveEventArgs()
        {
            throw new NotImplementedException();
        }

        public DriveInfo Drive
        {
            get { throw new NotImplementedException(); }
        }
    }

    public static class StorageEventManager
    {
        public static event RemovableDeviceEventHandler RemovableDeviceInserted;

        public static event RemovableDeviceEventHandler RemovableDeviceRemoved;
    }
}
