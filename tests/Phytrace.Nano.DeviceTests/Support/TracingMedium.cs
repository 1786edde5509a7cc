using System;
using System.Collections;
using Phytrace.Nano.Storage;

namespace Phytrace.Nano.DeviceTests
{
    /// <summary>
    /// A medium around another one that records every Write (with a copy of its bytes) and every
    /// Flush, in order, tagged with the operation the test says it is running. A fault sweep runs
    /// a workload once through it and then builds the image any fault would have left at any
    /// point from the trace (see <see cref="FaultImages"/>), instead of running the workload again.
    /// </summary>
    public sealed class TracingMedium : IStorageMedium
    {
        private readonly IStorageMedium inner;
        private readonly ArrayList calls = new ArrayList();

        public TracingMedium(IStorageMedium inner)
        {
            if (inner == null)
            {
                throw new ArgumentNullException("inner");
            }
            this.inner = inner;
        }

        /// <summary>The operation the next calls belong to (set by the test before each one).</summary>
        public int Operation;

        /// <summary>Calls recorded so far.</summary>
        public int Count
        {
            get { return calls.Count; }
        }

        /// <summary>The <paramref name="index"/>th call.</summary>
        public TracedWrite this[int index]
        {
            get { return (TracedWrite)calls[index]; }
        }

        /// <inheritdoc />
        public long Length
        {
            get { return inner.Length; }
        }

        /// <inheritdoc />
        public int Read(long position, byte[] buffer, int offset, int count)
        {
            return inner.Read(position, buffer, offset, count);
        }

        /// <inheritdoc />
        public void Write(long position, byte[] buffer, int offset, int count)
        {
            var copy = new byte[count];
            Array.Copy(buffer, offset, copy, 0, count);
            calls.Add(new TracedWrite(false, position, copy, Operation));
            inner.Write(position, buffer, offset, count);
        }

        /// <inheritdoc />
        public void Flush()
        {
            calls.Add(new TracedWrite(true, 0, null, Operation));
            inner.Flush();
        }

        /// <inheritdoc />
        public void Dispose()
        {
        }
    }
}
