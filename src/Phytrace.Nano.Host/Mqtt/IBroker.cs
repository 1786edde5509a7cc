namespace Phytrace.Nano.Host.Mqtt;

/// <summary>A broker on this machine that tests and the simulator can start, stop and restart.</summary>
public interface IBroker : IDisposable
{
    /// <summary>"embedded" or "mosquitto".</summary>
    string Kind { get; }

    string Host { get; }

    /// <summary>The TCP port; kept across <see cref="Restart"/>.</summary>
    int Port { get; }

    bool IsRunning { get; }

    void Start();

    void Stop();

    /// <summary>Stop then start on the same port.</summary>
    void Restart();
}
