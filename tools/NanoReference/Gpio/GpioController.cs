// Reference declaration (signatures only) of nanoFramework.System.Device.Gpio 1.1.57, namespace System.Device.Gpio.
// What the sample apps use: an input pin with a pull-up and its change event (the e-stop button).

using System;
using nanoFramework.Runtime.Events;

namespace System.Device.Gpio
{
    public enum PinMode
    {
        Input = 0,
        InputPullDown = 1,
        InputPullUp = 2,
        Output = 3,
        OutputOpenDrain = 4,
        OutputOpenDrainPullUp = 5,
        OutputOpenSource = 6,
        OutputOpenSourcePullDown = 7,
    }

    public enum PinEventTypes
    {
        None = 0,
        Rising = 1,
        Falling = 2,
    }

    public delegate void PinValueChangedEventHandler(object sender, PinValueChangedEventArgs e);

    public class PinValueChangedEventArgs : BaseEvent
    {
        public PinValueChangedEventArgs(PinEventTypes changeType, int pinNumber)
        {
            throw new NotImplementedException();
        }

        public PinEventTypes ChangeType
        {
            get { throw new NotImplementedException(); }
        }

        public int PinNumber
        {
            get { throw new NotImplementedException(); }
        }
    }

    public sealed class GpioController : IDisposable
    {
        public GpioController()
        {
            throw new NotImplementedException();
        }

        public GpioPin OpenPin(int pinNumber, PinMode mode)
        {
            throw new NotImplementedException();
        }

        public void Dispose()
        {
            throw new NotImplementedException();
        }
    }

    public sealed class GpioPin : IDisposable
    {
        private GpioPin()
        {
            throw new NotImplementedException();
        }

        public event PinValueChangedEventHandler ValueChanged;

        public void Dispose()
        {
            throw new NotImplementedException();
        }
    }
}
