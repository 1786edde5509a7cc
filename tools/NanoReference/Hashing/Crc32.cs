// Reference declaration (signatures only) of nanoFramework.System.IO.Hashing 1.0.40, namespace System.IO.Hashing.
// The firmware's native CRC-32 (IEEE 802.3); src/Phytrace.Nano.Natives hands the core's checksums to it.

namespace System.IO.Hashing
{
    public class Crc32
    {
        public static uint HashToUInt32(SpanByte source)
        {
            throw new NotImplementedException();
        }
    }
}
