// Reference declaration (signatures only) of nanoFramework.System.IO.FileSystem 1.1.87, namespace System.IO.
// The FileStream medium (src/Phytrace.Nano.Esp32/Storage) opens the ring file with these; on the
// device D:\ is FatFs on the SD card (each Write is followed by a sync) and I:\ is LittleFS on
// internal flash (Write and Flush reach only the C library buffer until the file is closed).

using System;

namespace System.IO
{
    public enum FileMode
    {
        CreateNew = 1,
        Create = 2,
        Open = 3,
        OpenOrCreate = 4,
        Truncate = 5,
        Append = 6,
    }

    public enum FileAccess
    {
        Read = 1,
        Write = 2,
        ReadWrite = 3,
    }

    public enum FileShare
    {
        None = 0,
        Read = 1,
        Write = 2,
        ReadWrite = 3,
    }

    public class FileStream : Stream
    {
        public FileStream(string path, FileMode mode)
        {
            throw new NotImplementedException();
        }

        public FileStream(string path, FileMode mode, FileAccess access)
        {
            throw new NotImplementedException();
        }

        public FileStream(string path, FileMode mode, FileAccess access, FileShare share)
        {
            throw new NotImplementedException();
        }

        public FileStream(string path, FileMode mode, FileAccess access, FileShare share, int bufferSize)
        {
            throw new NotImplementedException();
        }

        public string Name
        {
            get { throw new NotImplementedException(); }
        }

        public override bool CanRead
        {
            get { throw new NotImplementedException(); }
        }

        public override bool CanSeek
        {
            get { throw new NotImplementedException(); }
        }

        public override bool CanWrite
        {
            get { throw new NotImplementedException(); }
        }

        public override long Length
        {
            get { throw new NotImplementedException(); }
        }

        public override long Position
        {
            get { throw new NotImplementedException(); }
            set { throw new NotImplementedException(); }
        }

        public override void Flush()
        {
            throw new NotImplementedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            throw new NotImplementedException();
        }

        public override long Seek(long offset, SeekOrigin origin)
        {
            throw new NotImplementedException();
        }

        public override void SetLength(long value)
        {
            throw new NotImplementedException();
        }

        public override int Read(SpanByte buffer)
        {
            throw new NotImplementedException();
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            throw new NotImplementedException();
        }

        public override void Close()
        {
            throw new NotImplementedException();
        }

        protected override void Dispose(bool disposing)
        {
            throw new NotImplementedException();
        }
    }

    public static class File
    {
        public static bool Exists(string path)
        {
            throw new NotImplementedException();
        }

        public static void Delete(string path)
        {
            throw new NotImplementedException();
        }
    }

    public abstract class FileSystemInfo : MarshalByRefObject
    {
        protected FileSystemInfo()
        {
            throw new NotImplementedException();
        }

        public abstract bool Exists { get; }

        public abstract string Name { get; }

        public abstract void Delete();

        protected abstract void HandleRefreshError();
    }

    public sealed class DirectoryInfo : FileSystemInfo
    {
        private DirectoryInfo()
        {
            throw new NotImplementedException();
        }

        public override bool Exists
        {
            get { throw new NotImplementedException(); }
        }

        public override string Name
        {
            get { throw new NotImplementedException(); }
        }

        public override void Delete()
        {
            throw new NotImplementedException();
        }

        protected override void HandleRefreshError()
        {
            throw new NotImplementedException();
        }
    }

    public static class Directory
    {
        public static bool Exists(string path)
        {
            throw new NotImplementedException();
        }

        public static DirectoryInfo CreateDirectory(string path)
        {
            throw new NotImplementedException();
        }
    }

    public sealed class DriveInfo
    {
        private DriveInfo()
        {
            throw new NotImplementedException();
        }

        /// <summary>Root of the drive, e.g. "D:\".</summary>
        public string Name
        {
            get { throw new NotImplementedException(); }
            set { throw new NotImplementedException(); }
        }
    }
}
