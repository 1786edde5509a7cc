using Phytrace.Nano.Storage;

namespace Phytrace.Nano.DeviceTests
{
    /// <summary>
    /// Holds <see cref="SlotHeader.IsContinuation"/> (the read path's word-level check of a
    /// record's later slots) and its bytewise form to what decoding the slot with <see cref="SlotHeader.Decode(byte[], int, int, uint, int, bool)"/>
    /// and comparing its fields says, on continuation slots with every bit of their header flipped
    /// and the CRC sealed again (so the field checks alone decide), each bit flipped without
    /// resealing, and every expectation the caller can get wrong. Shared by the .NET and the device
    /// tests; returns a description of the first disagreement, or null.
    /// </summary>
    public static class ContinuationAgreement
    {
        private const int RecordSize = 256;
        private const int MaxStored = 4096 + 16;
        private const uint Region = 0xA1B2C3D4;

        /// <summary>Runs every case; <paramref name="cases"/> is how many were compared.</summary>
        public static string Check(out int cases)
        {
            cases = 0;
            // A sequence above 2^32 exercises both halves; a chunk that is not a multiple of 16 the CRC's padding.
            long[] sequences = new long[] { 5, 0x1_0000_0007L };
            bool[] sealedRegions = new bool[] { false, true };
            bool[] lasts = new bool[] { false, true };
            var slot = new byte[RecordSize];
            var original = new byte[RecordSize];
            var payload = new byte[RecordSize];
            var eventId = new byte[16];
            for (int i = 0; i < payload.Length; i++)
            {
                payload[i] = (byte)((i * 37) + 11);
            }
            for (int s = 0; s < sequences.Length; s++)
            {
                for (int r = 0; r < sealedRegions.Length; r++)
                {
                    for (int l = 0; l < lasts.Length; l++)
                    {
                        long sequence = sequences[s];
                        bool sealedRegion = sealedRegions[r];
                        bool last = lasts[l];
                        int chunk = last ? 93 : RecordSize - SlotFormat.ContinuationHeaderSize;
                        int total = 1000;
                        int part = 2;
                        int header = SlotFormat.EncodeHeader(original, 0, Region, sequence, total, part, last, 0, (s & 1) == 0, sealedRegion, eventId, 0, chunk);
                        System.Array.Copy(payload, 0, original, header, chunk);
                        SlotFormat.Finish(original, 0, header + chunk);
                        string problem = Compare(original, sealedRegion, sequence, total, part, last, chunk, "intact", ref cases);
                        if (problem != null)
                        {
                            return problem;
                        }
                        // Every expectation wrong in turn, on the intact slot.
                        problem = Compare(original, !sealedRegion, sequence, total, part, last, chunk, "other sealing", ref cases)
                            ?? Compare(original, sealedRegion, sequence + 1, total, part, last, chunk, "sequence + 1", ref cases)
                            ?? Compare(original, sealedRegion, sequence ^ (1L << 40), total, part, last, chunk, "sequence's high word", ref cases)
                            ?? Compare(original, sealedRegion, sequence, total + 1, part, last, chunk, "total + 1", ref cases)
                            ?? Compare(original, sealedRegion, sequence, total, part + 1, last, chunk, "part + 1", ref cases)
                            ?? Compare(original, sealedRegion, sequence, total, part, !last, chunk, "last flag", ref cases)
                            ?? Compare(original, sealedRegion, sequence, total, part, last, chunk - 1, "chunk - 1", ref cases);
                        if (problem != null)
                        {
                            return problem;
                        }
                        int covered = SlotFormat.CoveredLength(header + chunk);
                        for (int bit = 0; bit < covered * 8; bit++)
                        {
                            int at = bit >> 3;
                            bool inCrc = at >= SlotFormat.OffsetCrc && at < SlotFormat.OffsetCrc + 4;
                            System.Array.Copy(original, slot, RecordSize);
                            slot[at] ^= (byte)(1 << (bit & 7));
                            problem = Compare(slot, sealedRegion, sequence, total, part, last, chunk, "bit " + bit.ToString() + " flipped", ref cases);
                            if (problem != null)
                            {
                                return problem;
                            }
                            if (at < header && !inCrc)
                            {
                                // The CRC made right again: only the header's own checks can refuse it.
                                SlotFormat.Finish(slot, 0, header + chunk);
                                problem = Compare(slot, sealedRegion, sequence, total, part, last, chunk, "bit " + bit.ToString() + " flipped, CRC resealed", ref cases);
                                if (problem != null)
                                {
                                    return problem;
                                }
                            }
                        }
                    }
                }
            }
            return null;
        }

        private static string Compare(byte[] slot, bool sealedRegion, long sequence, int total, int part, bool last, int chunk, string what, ref int cases)
        {
            cases++;
            var decoded = new SlotHeader();
            decoded.Decode(slot, 0, RecordSize, Region, MaxStored, sealedRegion);
            bool expected = decoded.Kind == SlotKind.Valid && !decoded.IsFirst && decoded.Sequence == sequence && decoded.PartIndex == part
                && decoded.TotalLength == total && decoded.ChunkLength == chunk && decoded.IsLast == last;
            bool actual = SlotHeader.IsContinuation(slot, 0, Region, sealedRegion, sequence, total, part, last, chunk);
            bool bytewise = SlotHeader.IsContinuationBytewise(slot, 0, Region, sealedRegion, sequence, total, part, last, chunk);
            if (expected == actual && expected == bytewise)
            {
                return null;
            }
            return what + " (sequence " + sequence.ToString() + ", sealed " + (sealedRegion ? "yes" : "no") + ", last " + (last ? "yes" : "no")
                + "): decoding says " + (expected ? "continuation" : "not") + ", IsContinuation says " + (actual ? "continuation" : "not")
                + ", its bytewise form " + (bytewise ? "continuation" : "not");
        }
    }
}
