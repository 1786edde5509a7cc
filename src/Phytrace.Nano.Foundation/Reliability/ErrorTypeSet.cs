using System;

namespace Phytrace.Nano.Reliability
{
    /// <summary>
    /// An immutable set of <see cref="ErrorType"/> values held in one 32-bit mask: the seed's
    /// <c>set[ErrorType]</c> without generics, copied by value and tested without allocating.
    /// </summary>
    public struct ErrorTypeSet
    {
        /// <summary>Error type values must fit one bit each of the mask.</summary>
        public const int MaxErrorTypeValue = 31;

        private readonly uint mask;

        private ErrorTypeSet(uint mask)
        {
            this.mask = mask;
        }

        /// <summary>The empty set: nothing is retried.</summary>
        public static ErrorTypeSet Empty
        {
            get { return new ErrorTypeSet(0); }
        }

        /// <summary>The seed's default retryable set: network error, timeout, server error, rate limited.</summary>
        public static ErrorTypeSet SeedRetryable
        {
            get { return Of(ErrorType.NetworkError, ErrorType.Timeout, ErrorType.ServerError, ErrorType.RateLimited); }
        }

        /// <summary>The set of the given error types (duplicates are harmless).</summary>
        public static ErrorTypeSet Of(params ErrorType[] errorTypes)
        {
            if (errorTypes == null)
            {
                throw new ArgumentNullException("errorTypes");
            }
            ErrorTypeSet set = Empty;
            for (int i = 0; i < errorTypes.Length; i++)
            {
                set = set.With(errorTypes[i]);
            }
            return set;
        }

        /// <summary>The bits of the set, bit N standing for the error type with value N.</summary>
        public uint Mask
        {
            get { return mask; }
        }

        /// <summary>Number of error types in the set.</summary>
        public int Count
        {
            get
            {
                int count = 0;
                for (uint m = mask; m != 0; m &= m - 1)
                {
                    count++;
                }
                return count;
            }
        }

        /// <summary>This set plus <paramref name="errorType"/>.</summary>
        public ErrorTypeSet With(ErrorType errorType)
        {
            return new ErrorTypeSet(mask | BitOf(errorType));
        }

        /// <summary>This set without <paramref name="errorType"/>.</summary>
        public ErrorTypeSet Without(ErrorType errorType)
        {
            return new ErrorTypeSet(mask & ~BitOf(errorType));
        }

        /// <summary>True if <paramref name="errorType"/> is in the set; false for values outside 0..31.</summary>
        public bool Contains(ErrorType errorType)
        {
            int value = (int)errorType;
            return value >= 0 && value <= MaxErrorTypeValue && (mask & (1u << value)) != 0;
        }

        private static uint BitOf(ErrorType errorType)
        {
            int value = (int)errorType;
            if (value < 0 || value > MaxErrorTypeValue)
            {
                throw new ArgumentOutOfRangeException("errorType", "error type value must be 0.." + MaxErrorTypeValue.ToString() + ", got " + value.ToString());
            }
            return 1u << value;
        }
    }
}
