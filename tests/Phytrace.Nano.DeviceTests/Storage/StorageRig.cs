using System;
using nanoFramework.TestFramework;
using Phytrace.Nano.Platform;
using Phytrace.Nano.Storage;

namespace Phytrace.Nano.DeviceTests.Storage
{
    /// <summary>
    /// Shared parts of the buffer tests: small regions, deterministic events (event n has an id and
    /// payload derived from n alone, so a record read back can be checked against n without keeping
    /// copies), and reading everything back. Only the public API: the tests hold the buffer to its
    /// behaviour (FIFO, nothing synced lost, counts), not to its byte format.
    /// </summary>
    public static class StorageRig
    {
        /// <summary>When every event in these tests is captured: 2026-11-27 12:00 UTC.</summary>
        public const long CapturedAtMicros = 1795780800000000L;

        public static readonly DateTime Now = new DateTime(2026, 11, 27, 12, 0, 0);

        public static EdgeBufferOptions Options(int recordSize, int maxEventSize, int syncEvery, int checkpointEvery, OverflowPolicy overflow)
        {
            var options = new EdgeBufferOptions();
            options.RecordSize = recordSize;
            options.MaxEventSize = maxEventSize;
            options.SyncEvery = syncEvery;
            options.CheckpointEvery = checkpointEvery;
            options.Overflow = overflow;
            return options;
        }

        /// <summary>Bytes of a region with room for <paramref name="slots"/> records after the checkpoint area.</summary>
        public static int RegionLength(int recordSize, int slots)
        {
            return Checkpoint.SlotsOffset + (recordSize * slots);
        }

        public static ManualWallClock SyncedClock()
        {
            return new ManualWallClock(Now, true);
        }

        /// <summary>Event n's id: n big-endian in bytes 0-7 (plus one, so no id is all zeros), a fixed tail.</summary>
        public static void Id(long n, byte[] into, int at)
        {
            long v = n + 1;
            for (int i = 7; i >= 0; i--)
            {
                into[at + i] = (byte)v;
                v >>= 8;
            }
            for (int i = 8; i < 16; i++)
            {
                into[at + i] = (byte)(0xA5 ^ (i * 17));
            }
        }

        /// <summary>Byte i of event n's payload.</summary>
        public static byte PayloadByte(long n, int i)
        {
            return (byte)((n * 31) + (i * 7) + (i >> 8));
        }

        public static byte[] Payload(long n, int length)
        {
            var p = new byte[length];
            for (int i = 0; i < length; i++)
            {
                p[i] = PayloadByte(n, i);
            }
            return p;
        }

        /// <summary>The time event n is stamped with: a second apart, every seventh on an unsynchronised clock.</summary>
        public static long CapturedAt(long n)
        {
            return CapturedAtMicros + (n * 1000000L);
        }

        public static bool ClockSynced(long n)
        {
            return n % 7 != 3;
        }

        /// <summary>Enqueues event n of <paramref name="length"/> bytes.</summary>
        public static bool Put(EdgeBuffer buffer, long n, int length)
        {
            var id = new byte[16];
            Id(n, id, 0);
            return buffer.Enqueue(Payload(n, length), 0, length, id, 0, CapturedAt(n), ClockSynced(n));
        }

        /// <summary>The event n whose 16-byte id is at ids[at] (inverse of <see cref="Id"/>), or -1 if it is not such an id.</summary>
        public static long NumberOf(byte[] ids, int at)
        {
            long v = 0;
            for (int i = 0; i < 8; i++)
            {
                v = (v << 8) | ids[at + i];
            }
            for (int i = 8; i < 16; i++)
            {
                if (ids[at + i] != (byte)(0xA5 ^ (i * 17)))
                {
                    return -1;
                }
            }
            return v - 1;
        }

        /// <summary>Room for every event a region of <paramref name="buffer"/>'s size can hold.</summary>
        public static BufferedEvents RoomForAll(EdgeBuffer buffer)
        {
            int most = (int)buffer.SlotCount;
            return new BufferedEvents(most, most * buffer.RecordSize + buffer.MaxEventSize);
        }

        /// <summary>
        /// Fails unless event <paramref name="index"/> of <paramref name="events"/> is event n of
        /// <paramref name="length"/> bytes exactly as it was enqueued (id, payload, time, clock flag).
        /// </summary>
        public static void AssertIsEvent(BufferedEvents events, int index, long n, int length, string what)
        {
            var id = new byte[16];
            events.CopyEventId(index, id, 0);
            Assert.AreEqual(n, NumberOf(id, 0), what + ": event id");
            Assert.AreEqual(length, events.PayloadLength(index), what + ": payload length of event " + n.ToString());
            int at = events.PayloadOffset(index);
            byte[] payload = events.Payload;
            for (int i = 0; i < length; i++)
            {
                if (payload[at + i] != PayloadByte(n, i))
                {
                    Assert.IsTrue(false, what + ": payload byte " + i.ToString() + " of event " + n.ToString() + " differs");
                }
            }
            Assert.AreEqual(CapturedAt(n), events.CapturedAtUnixMicros(index), what + ": capture time of event " + n.ToString());
            Assert.AreEqual(ClockSynced(n), events.IsClockSynced(index), what + ": clock flag of event " + n.ToString());
        }
    }
}
