using System;

namespace Phytrace.Nano.Formats
{
    /// <summary>
    /// A non-negative integer of up to 40 x 32 bits (1280 bits) in a fixed array, for exact
    /// shortest-digit generation of doubles (the largest intermediate is about 2^1140).
    /// No allocation after construction; only the operations digit generation needs.
    /// </summary>
    internal sealed class FixedBignum
    {
        private const int MaxWords = 40;
        private readonly uint[] words = new uint[MaxWords];
        private int length;

        public void SetUInt64(ulong value)
        {
            words[0] = (uint)value;
            words[1] = (uint)(value >> 32);
            length = words[1] != 0 ? 2 : (words[0] != 0 ? 1 : 0);
        }

        public void CopyFrom(FixedBignum other)
        {
            Array.Copy(other.words, words, other.length);
            length = other.length;
        }

        /// <summary>this = this * 2^bits.</summary>
        public void ShiftLeft(int bits)
        {
            if (length == 0 || bits == 0)
            {
                return;
            }
            int wordShift = bits >> 5;
            int bitShift = bits & 31;
            if (length + wordShift + 1 > MaxWords)
            {
                throw new InvalidOperationException("number formatting overflow");
            }
            // The word above the shifted value may hold a stale word from earlier use: clear it.
            words[length + wordShift] = 0;
            if (bitShift == 0)
            {
                for (int i = length - 1; i >= 0; i--)
                {
                    words[i + wordShift] = words[i];
                }
            }
            else
            {
                for (int i = length - 1; i >= 0; i--)
                {
                    words[i + wordShift + 1] |= words[i] >> (32 - bitShift);
                    words[i + wordShift] = words[i] << bitShift;
                }
            }
            for (int i = 0; i < wordShift; i++)
            {
                words[i] = 0;
            }
            length += wordShift + 1;
            Trim();
        }

        /// <summary>this = this * factor.</summary>
        public void MultiplySmall(uint factor)
        {
            ulong carry = 0;
            for (int i = 0; i < length; i++)
            {
                ulong product = ((ulong)words[i] * factor) + carry;
                words[i] = (uint)product;
                carry = product >> 32;
            }
            if (carry != 0)
            {
                if (length == MaxWords)
                {
                    throw new InvalidOperationException("number formatting overflow");
                }
                words[length++] = (uint)carry;
            }
        }

        /// <summary>this = this * 10^exponent (exponent not negative).</summary>
        public void MultiplyPow10(int exponent)
        {
            while (exponent >= 9)
            {
                MultiplySmall(1000000000u);
                exponent -= 9;
            }
            uint rest = 1;
            while (exponent-- > 0)
            {
                rest *= 10;
            }
            if (rest != 1)
            {
                MultiplySmall(rest);
            }
        }

        /// <summary>this = this - other (other must not exceed this).</summary>
        public void Subtract(FixedBignum other)
        {
            long borrow = 0;
            for (int i = 0; i < length; i++)
            {
                long diff = (long)words[i] - (i < other.length ? other.words[i] : 0u) - borrow;
                if (diff < 0)
                {
                    diff += 0x100000000L;
                    borrow = 1;
                }
                else
                {
                    borrow = 0;
                }
                words[i] = (uint)diff;
            }
            Trim();
        }

        /// <summary>Sign of a - b.</summary>
        public static int Compare(FixedBignum a, FixedBignum b)
        {
            if (a.length != b.length)
            {
                return a.length > b.length ? 1 : -1;
            }
            for (int i = a.length - 1; i >= 0; i--)
            {
                if (a.words[i] != b.words[i])
                {
                    return a.words[i] > b.words[i] ? 1 : -1;
                }
            }
            return 0;
        }

        /// <summary>Sign of (a + b) - c, without modifying any of them.</summary>
        public static int CompareSum(FixedBignum a, FixedBignum b, FixedBignum c)
        {
            int n = a.length > b.length ? a.length : b.length;
            if (c.length > n + 1)
            {
                return -1;
            }
            // Compare from the top word down, tracking (a+b) word by word needs carries from
            // below, so compute the sum's words low to high into a running comparison instead.
            int result = 0;
            ulong carry = 0;
            int top = n + 1 > c.length ? n + 1 : c.length;
            for (int i = 0; i < top; i++)
            {
                ulong sum = (ulong)(i < a.length ? a.words[i] : 0u) + (i < b.length ? b.words[i] : 0u) + carry;
                uint word = (uint)sum;
                carry = sum >> 32;
                uint cw = i < c.length ? c.words[i] : 0u;
                if (word != cw)
                {
                    result = word > cw ? 1 : -1;
                }
            }
            return result;
        }

        /// <summary>
        /// Divides by <paramref name="divisor"/> when the quotient is known to be below 10:
        /// returns the quotient and leaves the remainder in this.
        /// </summary>
        public int DivideSmallQuotient(FixedBignum divisor)
        {
            int q = 0;
            while (Compare(this, divisor) >= 0)
            {
                Subtract(divisor);
                q++;
            }
            return q;
        }

        /// <summary>Sign of 2*this - other.</summary>
        public int CompareDoubled(FixedBignum other)
        {
            return CompareSum(this, this, other);
        }

        private void Trim()
        {
            while (length > 0 && words[length - 1] == 0)
            {
                length--;
            }
        }
    }
}
