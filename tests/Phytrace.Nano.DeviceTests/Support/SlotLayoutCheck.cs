using Phytrace.Nano.Storage;

namespace Phytrace.Nano.DeviceTests
{
    /// <summary>
    /// Holds SlotFormat.EncodeHeader to FORMAT.md's slot table, byte by byte, on a slot filled with
    /// 0xA5 first: every field at its offset, least significant byte first, the padding, CRC and
    /// reserved fields zero, and nothing past the header touched. The header writes combine fields
    /// (chunk length with padding, part index with the reserved bytes) and, on the device, store
    /// the bytes inline; this is what keeps them the format. Shared by the .NET and device tests;
    /// returns a description of the first wrong byte, or null.
    /// </summary>
    public static class SlotLayoutCheck
    {
        public static string Check()
        {
            string problem = CheckPart(0, false, true, false) ?? CheckPart(0, true, false, true);
            return problem ?? CheckPart(3, true, true, false) ?? CheckPart(2, false, false, true);
        }

        private static string CheckPart(int part, bool last, bool clockSynced, bool sealedRecord)
        {
            const uint Region = 0xD4C3B2A1;
            const long Sequence = 0x0807060504030201L;
            const long Captured = unchecked((long)0xF8F7F6F5F4F3F2F1UL);
            const int Total = 0x00012345;
            const int Chunk = 0x00C7;
            var eventId = new byte[20];
            for (int i = 0; i < eventId.Length; i++)
            {
                eventId[i] = (byte)(0x30 + i);
            }
            var slot = new byte[96];
            for (int i = 0; i < slot.Length; i++)
            {
                slot[i] = 0xA5;
            }
            int header = SlotFormat.EncodeHeader(slot, 8, Region, Sequence, Total, part, last, Captured, clockSynced, sealedRecord, eventId, 2, Chunk);
            int expectedHeader = part == 0 ? 56 : 32;
            if (header != expectedHeader)
            {
                return "part " + part.ToString() + ": header size " + header.ToString() + ", expected " + expectedHeader.ToString();
            }
            int flags = (part == 0 ? 1 : 0) | (last ? 2 : 0) | (clockSynced ? 0 : 4) | (sealedRecord ? 8 : 0);
            var expected = new byte[slot.Length];
            for (int i = 0; i < expected.Length; i++)
            {
                expected[i] = 0xA5;
            }
            int at = 8;
            expected[at] = 0x50;
            expected[at + 1] = 0x4E;
            expected[at + 2] = 3;
            expected[at + 3] = (byte)flags;
            expected[at + 4] = 0xC7;
            expected[at + 5] = 0x00;
            for (int i = 6; i < 12; i++)
            {
                expected[at + i] = 0; // padding (set later by SetPadding), CRC (set by Finish)
            }
            expected[at + 12] = 0xA1;
            expected[at + 13] = 0xB2;
            expected[at + 14] = 0xC3;
            expected[at + 15] = 0xD4;
            for (int i = 0; i < 8; i++)
            {
                expected[at + 16 + i] = (byte)(i + 1);
            }
            expected[at + 24] = 0x45;
            expected[at + 25] = 0x23;
            expected[at + 26] = 0x01;
            expected[at + 27] = 0x00;
            expected[at + 28] = (byte)part;
            expected[at + 29] = 0;
            expected[at + 30] = 0;
            expected[at + 31] = 0;
            if (part == 0)
            {
                for (int i = 0; i < 8; i++)
                {
                    expected[at + 32 + i] = (byte)(0xF1 + i);
                }
                for (int i = 0; i < 16; i++)
                {
                    expected[at + 40 + i] = (byte)(0x32 + i);
                }
            }
            for (int i = 0; i < slot.Length; i++)
            {
                if (slot[i] != expected[i])
                {
                    return "part " + part.ToString() + ": byte " + (i - at).ToString() + " of the slot is " + slot[i].ToString() + ", FORMAT.md says " + expected[i].ToString();
                }
            }
            return null;
        }
    }
}
