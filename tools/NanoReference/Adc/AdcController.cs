// Reference declaration (signatures only) of nanoFramework.System.Device.Adc 1.1.24, namespace System.Device.Adc.
// What the sample apps use: one ADC channel read as a raw value. The abstract bases are declared
// whole, as the real ones are, so the declared controller and channel derive from the same shape.

using System;

namespace System.Device.Adc
{
    public enum AdcChannelMode
    {
        SingleEnded = 0,
        Differential = 1,
    }

    public abstract class AdcControllerBase
    {
        protected AdcControllerBase()
        {
            throw new NotImplementedException();
        }

        public abstract int ChannelCount { get; }

        public abstract AdcChannelMode ChannelMode { get; set; }

        public abstract int MaxValue { get; }

        public abstract int MinValue { get; }

        public abstract int ResolutionInBits { get; }

        public abstract bool IsChannelModeSupported(AdcChannelMode channelMode);

        public abstract AdcChannel OpenChannel(int channelNumber);
    }

    public class AdcController : AdcControllerBase
    {
        public AdcController()
        {
            throw new NotImplementedException();
        }

        public override int ChannelCount
        {
            get { throw new NotImplementedException(); }
        }

        public override AdcChannelMode ChannelMode
        {
            get { throw new NotImplementedException(); }
            set { throw new NotImplementedException(); }
        }

        public override int MaxValue
        {
            get { throw new NotImplementedException(); }
        }

        public override int MinValue
        {
            get { throw new NotImplementedException(); }
        }

        public override int ResolutionInBits
        {
            get { throw new NotImplementedException(); }
        }

        public override bool IsChannelModeSupported(AdcChannelMode channelMode)
        {
            throw new NotImplementedException();
        }

        public override AdcChannel OpenChannel(int channelNumber)
        {
            throw new NotImplementedException();
        }
    }

    public abstract class AdcChannelBase
    {
        protected AdcChannelBase()
        {
            throw new NotImplementedException();
        }

        public abstract int ReadValue();
    }

    public class AdcChannel : AdcChannelBase, IDisposable
    {
        private AdcChannel()
        {
            throw new NotImplementedException();
        }

        public override int ReadValue()
        {
            throw new NotImplementedException();
        }

        public void Dispose()
        {
            throw new NotImplementedException();
        }
    }
}
