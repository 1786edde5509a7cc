using System;
using System.IO;
using Phytrace.Nano.Platform;

namespace Phytrace.Nano.Storage
{
    /// <summary>
    /// A storage medium in one preallocated file: on the device D:\ (SD card, FatFs) or I:\
    /// (internal flash, LittleFS); on .NET any path. The same source builds for both, so it uses
    /// only FileStream members nanoFramework's System.IO.FileSystem has: the (path, FileMode,
    /// FileAccess) constructor, Seek, Read, Write, Flush, SetLength, Length and Dispose.
    /// <para>
    /// The file is extended to the region's length when opened and never grows after that.
    /// On LittleFS, Write and Flush only reach the C library's buffer and a file left open can
    /// lose data on reset, so pass <c>reopenAtSyncPoints: true</c> there: every Flush closes
    /// the file (committing it) and the next operation reopens it. On SD cards keep it false.
    /// </para>
    /// <para>
    /// A file this medium creates (or finds empty) is reported fresh (<see cref="IFreshRegion"/>):
    /// FatFs grows it with clusters it does not clear, so its bytes are whatever the card held
    /// there before, and the buffer formats it rather than mount them.
    /// </para>
    /// After a failure (card pulled) the file is closed; the next operation tries to reopen it,
    /// so the medium comes back when the card does (remounting the card is RemountingMedium's job).
    /// </summary>
    public sealed class FileStreamMedium : IStorageMedium, IFreshRegion
    {
        private readonly string path;
        private readonly long length;
        private readonly bool reopenAtSyncPoints;
        private FileStream? stream;
        private bool openedOnce;
        private bool fresh;

        /// <summary>Opens or creates <paramref name="path"/> and preallocates <paramref name="length"/> bytes.</summary>
        public FileStreamMedium(string path, long length, bool reopenAtSyncPoints)
        {
            if (path == null || path.Length == 0)
            {
                throw new ArgumentException("path must name a file, got an empty path", nameof(path));
            }
            if (length < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(length), "length must be at least 1 byte, got " + length.ToString());
            }
            this.path = path;
            this.length = length;
            this.reopenAtSyncPoints = reopenAtSyncPoints;
            Open();
        }

        /// <summary>
        /// The seed's EdgeBuffer(storage_path, ...): opens the buffer in a file of
        /// options.MaxSizeMb MiB at <paramref name="path"/>. The buffer owns the file.
        /// </summary>
        public static EdgeBuffer OpenBuffer(string path, EdgeBufferOptions options, IWallClock clock, bool reopenAtSyncPoints)
        {
            if (options == null)
            {
                throw new ArgumentNullException(nameof(options));
            }
            options.Validate();
            var medium = new FileStreamMedium(path, options.RegionBytes, reopenAtSyncPoints);
            try
            {
                return new EdgeBuffer(medium, options, clock);
            }
            catch (Exception)
            {
                medium.Dispose();
                throw;
            }
        }

        /// <inheritdoc />
        public long Length
        {
            get { return length; }
        }

        /// <summary>The file's path.</summary>
        public string Path
        {
            get { return path; }
        }

        /// <inheritdoc />
        public bool IsFresh
        {
            get { return fresh; }
        }

        /// <inheritdoc />
        public void Formatted()
        {
            fresh = false;
        }

        /// <inheritdoc />
        public int Read(long position, byte[] buffer, int offset, int count)
        {
            // The range check is kept out of the method with the try: nanoCLR runs a catch for an
            // exception thrown by the call just before its try, in an optimised compile (measured
            // on the kit's nanoCLR), which would turn a bad argument into a medium error.
            CheckRange(position, count);
            return ReadInRange(position, buffer, offset, count);
        }

        private int ReadInRange(long position, byte[] buffer, int offset, int count)
        {
            try
            {
                FileStream s = Open();
                s.Seek(position, SeekOrigin.Begin);
                int done = 0;
                while (done < count)
                {
                    int n = s.Read(buffer, offset + done, count - done);
                    if (n <= 0)
                    {
                        break;
                    }
                    done += n;
                }
                return done;
            }
            catch (Exception e)
            {
                throw Failed("read", position, e);
            }
        }

        /// <inheritdoc />
        public void Write(long position, byte[] buffer, int offset, int count)
        {
            CheckRange(position, count);
            WriteInRange(position, buffer, offset, count);
        }

        private void WriteInRange(long position, byte[] buffer, int offset, int count)
        {
            try
            {
                FileStream s = Open();
                s.Seek(position, SeekOrigin.Begin);
                s.Write(buffer, offset, count);
            }
            catch (Exception e)
            {
                throw Failed("write", position, e);
            }
        }

        /// <inheritdoc />
        public void Flush()
        {
            try
            {
                FileStream s = Open();
                s.Flush();
                if (reopenAtSyncPoints)
                {
                    Close();
                }
            }
            catch (Exception e)
            {
                throw Failed("flush", 0, e);
            }
        }

        /// <inheritdoc />
        public void Dispose()
        {
            try
            {
                if (stream != null)
                {
                    stream.Flush();
                }
            }
            catch (IOException)
            {
                // Closing after the card was pulled: nothing more can be saved.
            }
            Close();
        }

        private FileStream Open()
        {
            if (stream != null)
            {
                return stream;
            }
            FileStream s;
            try
            {
                s = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite);
            }
            catch (Exception e)
            {
                throw new StorageMediumException(MediumFailure.NotPresent, "cannot open " + path + ": " + e.Message, e);
            }
            try
            {
                long found = s.Length;
                if (found < length)
                {
                    s.SetLength(length);
                }
                if (!openedOnce && found == 0)
                {
                    fresh = true;
                }
            }
            catch (Exception e)
            {
                s.Dispose();
                throw new StorageMediumException(MediumFailure.Full, "cannot preallocate " + length.ToString() + " bytes for " + path + ": " + e.Message, e);
            }
            stream = s;
            openedOnce = true;
            return s;
        }

        private void Close()
        {
            FileStream? s = stream;
            stream = null;
            if (s != null)
            {
                try
                {
                    s.Dispose();
                }
                catch (IOException)
                {
                    // Already gone with the card.
                }
            }
        }

        private StorageMediumException Failed(string what, long position, Exception e)
        {
            var known = e as StorageMediumException;
            if (known != null)
            {
                return known;
            }
            // Close so the next operation reopens the file (the card may come back).
            Close();
            return new StorageMediumException(MediumFailure.IoError, what + " of " + path + " at " + position.ToString() + " failed: " + e.Message, e);
        }

        private void CheckRange(long position, int count)
        {
            if (position < 0 || count < 0 || position + count > length)
            {
                throw new ArgumentOutOfRangeException(nameof(position), "range [" + position.ToString() + ", +" + count.ToString() + ") is outside the region of " + length.ToString() + " bytes");
            }
        }
    }
}
