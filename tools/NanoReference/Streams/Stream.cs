// Reference declaration (signatures only) of nanoFramework.System.IO.Streams 1.1.96, namespace System.IO.
// nanoFramework's mscorlib 1.17.11 has no Stream; this package provides it.

using System;

namespace System.IO
{
    public enum SeekOrigin
    {
        Begin = 0,
        Current = 1,
        End = 2,
    }

    public abstract class Stream : MarshalByRefObject, IDisposable
    {
        protected Stream()
        {
            throw new NotImplementedException();
        }

        public abstract bool CanRead { get; }

        public abstract bool CanSeek { get; }

        public abstract bool CanWrite { get; }

        public abstract long Length { get; }

        public abstract long Position { get; set; }

        public abstract void Flush();

        public abstract int Read(byte[] buffer, int offset, int count);

        public abstract int Read(SpanByte buffer);

        public abstract long Seek(long offset, SeekOrigin origin);

        public abstract void SetLength(long value);

        public abstract void Write(byte[] buffer, int offset, int count);

        public virtual void Close()
        {
            throw new NotImplementedException();
        }

        public void Dispose()
        {
            throw new NotImplementedException();
        }

        protected virtual void Dispose(bool disposing)
        {
            throw new NotImplementedException();
        }
    }
}
