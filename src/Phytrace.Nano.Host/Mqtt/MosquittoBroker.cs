using System.Diagnostics;
using System.Net.Sockets;

namespace Phytrace.Nano.Host.Mqtt;

/// <summary>
/// A mosquitto process on 127.0.0.1 with a config of its own in a temporary folder, optionally
/// with a password file and a TLS listener (<see cref="BrokerTlsFiles"/>). Persistence is on and Stop is a SIGTERM, so a restart keeps persistent
/// sessions and their queued messages, as a broker service restart does. <see cref="Find"/> says where the binary is (Debian installs it in /usr/sbin).
/// </summary>
public sealed class MosquittoBroker : IBroker
{
    private readonly string directory;
    private readonly string executable;
    private Process? process;

    public MosquittoBroker(string executable, int port = 0, string? requiredUser = null, string? requiredPassword = null, BrokerTlsFiles? tls = null)
    {
        this.executable = executable;
        Port = port == 0 ? FreePort.Find() : port;
        directory = Directory.CreateTempSubdirectory("phytrace-mosquitto-").FullName;
        // Started as root, mosquitto drops to its own user, which must still read the config and password file.
        if (!OperatingSystem.IsWindows())
        {
            // ...and write its persistence file there.
            File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
                | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute);
        }
        var config = new List<string>
        {
            $"listener {Port} 127.0.0.1",
            "persistence true",
            $"persistence_location {directory}/",
            "autosave_interval 0",
            "log_dest stderr",
            "log_type error",
        };
        if (tls != null)
        {
            // Copies readable by the user mosquitto drops to when started as root.
            config.Add($"cafile {ReadableCopy(tls.CaFile, "ca.pem")}");
            config.Add($"certfile {ReadableCopy(tls.CertificateFile, "server.pem")}");
            config.Add($"keyfile {ReadableCopy(tls.KeyFile, "server.key")}");
            config.Add($"require_certificate {(tls.RequireClientCertificate ? "true" : "false")}");
            UsesTls = true;
        }
        if (requiredUser != null)
        {
            string passwordFile = Path.Combine(directory, "passwords");
            WritePasswordFile(passwordFile, requiredUser, requiredPassword ?? string.Empty);
            config.Add("allow_anonymous false");
            config.Add($"password_file {passwordFile}");
        }
        else
        {
            config.Add("allow_anonymous true");
        }
        File.WriteAllLines(Path.Combine(directory, "mosquitto.conf"), config);
    }

    public string Kind => "mosquitto";

    public string Host => "127.0.0.1";

    public int Port { get; }

    public bool IsRunning => process is { HasExited: false };

    /// <summary>True when the listener speaks TLS (1.2 and 1.3).</summary>
    public bool UsesTls { get; }

    /// <summary>The mosquitto binary on PATH or in /usr/sbin, or null if it is not installed.</summary>
    public static string? Find()
    {
        string[] dirs = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator).Append("/usr/sbin").ToArray();
        return dirs.Select(d => Path.Combine(d, "mosquitto")).FirstOrDefault(File.Exists);
    }

    public void Start()
    {
        if (IsRunning)
        {
            return;
        }
        var psi = new ProcessStartInfo(executable, $"-c \"{Path.Combine(directory, "mosquitto.conf")}\"")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        process = Process.Start(psi) ?? throw new InvalidOperationException("could not start " + executable);
        process.ErrorDataReceived += (_, _) => { };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        WaitUntilListening();
    }

    public void Stop()
    {
        Process? p = process;
        process = null;
        if (p == null)
        {
            return;
        }
        if (!p.HasExited)
        {
            // SIGTERM: mosquitto saves its sessions and queued QoS 1 messages, as a service restart does.
            using (Process? term = Process.Start(new ProcessStartInfo("kill", $"-TERM {p.Id}") { UseShellExecute = false }))
            {
                term?.WaitForExit(2000);
            }
            if (!p.WaitForExit(5000))
            {
                p.Kill(entireProcessTree: true);
                p.WaitForExit(5000);
            }
        }
        p.Dispose();
    }

    public void Restart()
    {
        Stop();
        Start();
    }

    public void Dispose()
    {
        Stop();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private string ReadableCopy(string source, string name)
    {
        string target = Path.Combine(directory, name);
        File.Copy(source, target, overwrite: true);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }
        return target;
    }

    private void WaitUntilListening()
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (process is { HasExited: true })
            {
                throw new InvalidOperationException($"mosquitto exited with code {process.ExitCode} on port {Port}");
            }
            try
            {
                using var probe = new TcpClient();
                probe.Connect(Host, Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }
        throw new TimeoutException($"mosquitto did not listen on {Host}:{Port} within 10 s");
    }

    private void WritePasswordFile(string path, string user, string password)
    {
        // mosquitto_passwd (same Debian package) hashes the password the way this mosquitto expects.
        string tool = Path.Combine(Path.GetDirectoryName(executable)!, "..", "bin", "mosquitto_passwd");
        string passwd = File.Exists(tool) ? tool : "mosquitto_passwd";
        File.WriteAllText(path, string.Empty);
        var psi = new ProcessStartInfo(passwd, $"-b \"{path}\" \"{user}\" \"{password}\"") { UseShellExecute = false, RedirectStandardError = true };
        using Process p = Process.Start(psi) ?? throw new InvalidOperationException("could not run mosquitto_passwd");
        p.WaitForExit(10000);
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException("mosquitto_passwd failed: " + p.StandardError.ReadToEnd());
        }
    }
}
