using System;
using Phytrace.Nano.Storage;

namespace Phytrace.Nano.DeviceTests
{
    /// <summary>Called before a write reaches the medium (tracing of what would land).</summary>
    public delegate void WriteObserver(long writeIndex, long position, byte[] buffer, int offset, int count);

    /// <summary>
    /// A storage medium around another one that misbehaves on request, for tests on .NET and on the
    /// device: cut power at byte N of the Mth write (only the first N bytes land, nothing after
    /// does), flip bits, fail reads or writes, or vanish like a pulled SD card and come back.
    /// Counts Read, Write and Flush calls and bytes.
    /// </summary>
    public sealed class FaultInjectingMedium : IStorageMedium
    {
        private readonly IStorageMedium inner;
        private long cutWriteIndex = -1;
        private int cutByteOffset;
        private int failNextWrites;
        private int failNextReads;

        public FaultInjectingMedium(IStorageMedium inner)
        {
            if (inner == null)
            {
                throw new ArgumentNullException("inner");
            }
            this.inner = inner;
            WriteFailure = MediumFailure.IoError;
        }

        /// <summary>The medium underneath (its image is what survives a power cut).</summary>
        public IStorageMedium Inner
        {
            get { return inner; }
        }

        public long WriteCalls;
        public long BytesWritten;
        public long ReadCalls;
        public long BytesRead;
        public long FlushCalls;

        /// <summary>Optional observer of every write before it lands.</summary>
        public WriteObserver OnWrite;

        /// <summary>True after a power cut: every operation fails until a new medium is made from the image.</summary>
        public bool PoweredOff;

        /// <summary>True while the medium is gone (SD card pulled): every operation fails with NotPresent.</summary>
        public bool Vanished;

        /// <summary>While true every write fails with <see cref="WriteFailure"/> and nothing lands.</summary>
        public bool FailWrites;

        /// <summary>While true every read fails with IoError.</summary>
        public bool FailReads;

        /// <summary>The failure kind writes report while failing (IoError, Full, ReadOnly...).</summary>
        public MediumFailure WriteFailure;

        /// <inheritdoc />
        public long Length
        {
            get { return inner.Length; }
        }

        /// <summary>The write with index <paramref name="writeIndex"/> (0-based, counting every Write call) lands only its first <paramref name="byteOffset"/> bytes; then power is off.</summary>
        public void CutPowerAt(long writeIndex, int byteOffset)
        {
            cutWriteIndex = writeIndex;
            cutByteOffset = byteOffset;
        }

        /// <summary>The next <paramref name="count"/> writes fail and land nothing.</summary>
        public void FailNextWrites(int count)
        {
            failNextWrites = count;
        }

        /// <summary>The next <paramref name="count"/> reads fail.</summary>
        public void FailNextReads(int count)
        {
            failNextReads = count;
        }

        /// <summary>Inverts bit <paramref name="bit"/> of the byte at <paramref name="position"/> (silent corruption).</summary>
        public void FlipBit(long position, int bit)
        {
            var one = new byte[1];
            inner.Read(position, one, 0, 1);
            one[0] = (byte)(one[0] ^ (1 << bit));
            inner.Write(position, one, 0, 1);
        }

        /// <summary>The SD card is pulled.</summary>
        public void Vanish()
        {
            Vanished = true;
        }

        /// <summary>The SD card is back.</summary>
        public void Return()
        {
            Vanished = false;
        }

        /// <inheritdoc />
        public int Read(long position, byte[] buffer, int offset, int count)
        {
            CheckPresent();
            if (FailReads || failNextReads > 0)
            {
                if (failNextReads > 0)
                {
                    failNextReads--;
                }
                throw new StorageMediumException(MediumFailure.IoError, "injected read failure at " + position.ToString());
            }
            ReadCalls++;
            BytesRead += count;
            return inner.Read(position, buffer, offset, count);
        }

        /// <inheritdoc />
        public void Write(long position, byte[] buffer, int offset, int count)
        {
            CheckPresent();
            if (FailWrites || failNextWrites > 0)
            {
                if (failNextWrites > 0)
                {
                    failNextWrites--;
                }
                throw new StorageMediumException(WriteFailure, "injected write failure at " + position.ToString());
            }
            long index = WriteCalls;
            WriteCalls++;
            if (OnWrite != null)
            {
                OnWrite(index, position, buffer, offset, count);
            }
            if (index == cutWriteIndex)
            {
                int landed = cutByteOffset < count ? cutByteOffset : count;
                if (landed > 0)
                {
                    inner.Write(position, buffer, offset, landed);
                }
                BytesWritten += landed;
                PoweredOff = true;
                throw new StorageMediumException(MediumFailure.NotPresent, "power cut at byte " + landed.ToString() + " of write " + index.ToString());
            }
            BytesWritten += count;
            inner.Write(position, buffer, offset, count);
        }

        /// <inheritdoc />
        public void Flush()
        {
            CheckPresent();
            FlushCalls++;
            inner.Flush();
        }

        /// <inheritdoc />
        public void Dispose()
        {
        }

        private void CheckPresent()
        {
            if (PoweredOff)
            {
                throw new StorageMediumException(MediumFailure.NotPresent, "power is off");
            }
            if (Vanished)
            {
                throw new StorageMediumException(MediumFailure.NotPresent, "medium not present");
            }
        }
    }
}
