using System;
using System.IO;
using Phytrace.Nano.Configuration;
using Phytrace.Nano.Esp32.Platform;
using Phytrace.Nano.Esp32.Storage;
using Phytrace.Nano.Esp32.Uplink;
using Phytrace.Nano.Natives;
using Phytrace.Nano.Node;
using Phytrace.Nano.Storage;

namespace Phytrace.Nano.Esp32
{
    /// <summary>
    /// The whole node on an ESP32 from one <see cref="BoardConfig"/>: the device adapters of this
    /// assembly bound into a <see cref="NodePlatform"/> and handed to <see cref="PhytraceNode.Create"/>.
    /// The ring file lives on the SD card (mounted here) or on internal flash (closed at every
    /// sync point, as LittleFS needs). <see cref="Start"/> joins Wi-Fi, starts SNTP whenever the
    /// network comes up and starts the uplink. This object owns the SD mount and the Wi-Fi watcher
    /// as well as the node, so dispose it rather than <see cref="Node"/>.
    /// </summary>
    public sealed class Esp32Node : IDisposable
    {
        /// <summary>How long <see cref="Start()"/> waits for Wi-Fi before going on offline.</summary>
        public const int DefaultWifiConnectTimeoutMs = 30000;

        private readonly PhytraceNode node;
        private readonly WifiConnectivity wifi;
        private readonly SntpWallClock clock;
        private readonly SdCardMount? sdCard;

        private Esp32Node(PhytraceNode node, WifiConnectivity wifi, SntpWallClock clock, SdCardMount? sdCard, string nativesProblem)
        {
            this.node = node;
            this.wifi = wifi;
            this.clock = clock;
            this.sdCard = sdCard;
            NativesProblem = nativesProblem;
        }

        /// <summary>
        /// Empty when the firmware's CRC-32 and UTF-8 natives are in use (Phytrace.Nano.Natives);
        /// otherwise why not (a firmware without them, or one whose results differ), and the node
        /// runs the portable forms, correct and slower.
        /// </summary>
        public string NativesProblem { get; private set; }

        /// <summary>The node: BeginEvent, Emit, GetStats.</summary>
        public PhytraceNode Node
        {
            get { return node; }
        }

        /// <summary>The Wi-Fi signal (IsUp, Changed).</summary>
        public WifiConnectivity Wifi
        {
            get { return wifi; }
        }

        /// <summary>The SNTP wall clock (IsSynchronized).</summary>
        public SntpWallClock Clock
        {
            get { return clock; }
        }

        /// <summary>The SD card mount, or null when the ring is on internal flash.</summary>
        public SdCardMount? SdCard
        {
            get { return sdCard; }
        }

        /// <summary>
        /// Validates <paramref name="config"/> and parses its CA certificate (ArgumentException listing
        /// every problem, naming the field), mounts the SD card if the ring is on one
        /// (InvalidOperationException naming the driver's error if it cannot), creates the ring
        /// file's folders, opens the ring and builds the node. On the SD card the ring file is wrapped
        /// in a RemountingMedium, so a card pulled and pushed back in is mounted again (a card
        /// without a detect pin shows up only as I/O errors). Nothing touches the network until
        /// <see cref="Start()"/>.
        /// </summary>
        public static Esp32Node Create(BoardConfig config)
        {
            M2MqttSession session = CheckAndCreateSession(config);
            StorageSettings storage = config.Storage;
            SdCardMount? sdCard = null;
            IStorageMedium? medium = null;
            try
            {
                if (storage.IsOnSdCard)
                {
                    sdCard = new SdCardMount(config.SdCard);
                    if (!sdCard.TryMount())
                    {
                        throw new InvalidOperationException("the SD card for " + storage.FilePath + " could not be mounted (" + sdCard.LastError
                            + "): check that a FAT32 card is inserted and the sd.* pins match the board");
                    }
                }
                CreateFolders(storage);
                var file = new FileStreamMedium(storage.FilePath, storage.MaxSizeBytes, storage.ReopenAtSyncPoints);
                medium = file;
                if (sdCard != null)
                {
                    medium = new RemountingMedium(file, sdCard, TickClock.Instance, RemountingMedium.DefaultRetryIntervalMs);
                }
                return Build(config, session, medium, sdCard);
            }
            catch (Exception)
            {
                if (medium != null)
                {
                    medium.Dispose();
                }
                if (sdCard != null)
                {
                    sdCard.Dispose();
                }
                throw;
            }
        }

        /// <summary>
        /// The node on a medium of your own (RAM, a file elsewhere, an external flash chip) with the
        /// ESP32's M2Mqtt session, Wi-Fi, clocks and random source; no SD card is touched. The node
        /// owns <paramref name="medium"/> from here on.
        /// </summary>
        public static Esp32Node Create(BoardConfig config, IStorageMedium medium)
        {
            if (medium == null)
            {
                throw new ArgumentNullException(nameof(medium));
            }
            M2MqttSession session = CheckAndCreateSession(config);
            return Build(config, session, medium, null);
        }

        /// <summary>Start with <see cref="DefaultWifiConnectTimeoutMs"/>.</summary>
        public bool Start()
        {
            return Start(DefaultWifiConnectTimeoutMs);
        }

        /// <summary>
        /// Joins Wi-Fi (waiting up to <paramref name="wifiConnectTimeoutMs"/>), then starts the
        /// uplink. Returns whether the node is online; offline it buffers and the station keeps
        /// retrying. SNTP is (re)started each time the network comes up.
        /// </summary>
        public bool Start(int wifiConnectTimeoutMs)
        {
            wifi.Changed += OnConnectivityChanged;
            bool online = wifi.Start(wifiConnectTimeoutMs);
            node.Start();
            return online;
        }

        /// <summary>Stops the uplink, closes the ring (after a sync), stops watching Wi-Fi, unmounts the card.</summary>
        public void Dispose()
        {
            wifi.Changed -= OnConnectivityChanged;
            node.Dispose();
            wifi.Dispose();
            if (sdCard != null)
            {
                sdCard.Dispose();
            }
        }

        private void OnConnectivityChanged(bool isUp)
        {
            if (!isUp)
            {
                return;
            }
            try
            {
                clock.Start();
            }
            catch (Exception)
            {
                // The network went again before SNTP answered: records stay "unsynced" until the next time it is up.
            }
        }

        /// <summary>Validation first (wrong wiring must not reach the SD driver), then the CA certificate through the device's parser.</summary>
        private static M2MqttSession CheckAndCreateSession(BoardConfig config)
        {
            if (config == null)
            {
                throw new ArgumentNullException(nameof(config));
            }
            ConfigProblems problems = config.Validate();
            if (!problems.IsValid)
            {
                throw new ArgumentException("BoardConfig '" + config.BoardName + "' is not valid:\n" + problems.ToString());
            }
            try
            {
                return M2MqttSession.FromSettings(config.Mqtt);
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException("BoardConfig '" + config.BoardName + "' is not valid:\n" + e.Message);
            }
        }

        private static Esp32Node Build(BoardConfig config, M2MqttSession session, IStorageMedium medium, SdCardMount? sdCard)
        {
            var wifi = WifiConnectivity.FromSettings(config.Wifi);
            var clock = new SntpWallClock(config.SntpServer);
            var platform = new NodePlatform();
            platform.Medium = medium;
            platform.Session = session;
            platform.Connectivity = wifi;
            platform.Tick = TickClock.Instance;
            platform.Wall = clock;
            platform.Random = new HardwareRandom();
            // The firmware's CRC-32 and UTF-8 natives, checked first; the portable forms otherwise.
            string nativesProblem = DeviceNatives.TryInstall();
            PhytraceNode node = PhytraceNode.Create(config, platform);
            return new Esp32Node(node, wifi, clock, sdCard, nativesProblem);
        }

        /// <summary>Creates each missing folder of the ring file's path (nanoFramework's CreateDirectory is not recursive).</summary>
        private static void CreateFolders(StorageSettings storage)
        {
            string[] folders = storage.FoldersOfFilePath();
            for (int i = 0; i < folders.Length; i++)
            {
                if (!Directory.Exists(folders[i]))
                {
                    Directory.CreateDirectory(folders[i]);
                }
            }
        }
    }
}
