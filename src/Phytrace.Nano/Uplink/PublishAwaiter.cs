using System.Threading;

namespace Phytrace.Nano.Uplink
{
    /// <summary>What became of a publish the uplink waited for.</summary>
    public enum PublishOutcome
    {
        /// <summary>The broker sent a PUBACK.</summary>
        Acknowledged = 0,

        /// <summary>The client gave up on the message (M2Mqtt's isPublished = false).</summary>
        Rejected = 1,

        /// <summary>No PUBACK within the timeout.</summary>
        TimedOut = 2,

        /// <summary>The connection closed while waiting.</summary>
        ConnectionLost = 3,
    }

    /// <summary>
    /// Waits for the PUBACK of one message id without polling. The session may report the
    /// acknowledgement before Publish has even returned the id (M2Mqtt raises it from its receive
    /// thread), so recent outcomes are kept in a small ring and checked when the wait starts.
    /// Allocates nothing after construction.
    /// </summary>
    public sealed class PublishAwaiter
    {
        private const int RecentCapacity = 16;

        private readonly object gate = new object();
        private readonly AutoResetEvent signal = new AutoResetEvent(false);
        private readonly ushort[] recentIds = new ushort[RecentCapacity];
        private readonly bool[] recentOk = new bool[RecentCapacity];
        private int recentCount;
        private int recentNext;
        private int closedGeneration;

        /// <summary>Subscribes to <paramref name="session"/>'s Published and ConnectionClosed events.</summary>
        public PublishAwaiter(IMqttSession session)
        {
            session.Published += OnPublished;
            session.ConnectionClosed += OnConnectionClosed;
        }

        /// <summary>A token to pass to <see cref="Wait"/>: connection losses after it count, earlier ones do not.</summary>
        public int BeginPublish()
        {
            lock (gate)
            {
                return closedGeneration;
            }
        }

        /// <summary>Blocks until message <paramref name="messageId"/> is acknowledged, rejected, the link drops, or <paramref name="timeoutMs"/> passes.</summary>
        public PublishOutcome Wait(ushort messageId, int beginToken, int timeoutMs, Platform.ITickClock clock)
        {
            long deadline = clock.NowMs + timeoutMs;
            while (true)
            {
                lock (gate)
                {
                    for (int i = 0; i < recentCount; i++)
                    {
                        if (recentIds[i] == messageId)
                        {
                            bool ok = recentOk[i];
                            RemoveAt(i);
                            return ok ? PublishOutcome.Acknowledged : PublishOutcome.Rejected;
                        }
                    }
                    if (closedGeneration != beginToken)
                    {
                        return PublishOutcome.ConnectionLost;
                    }
                }
                long remaining = deadline - clock.NowMs;
                if (remaining <= 0)
                {
                    return PublishOutcome.TimedOut;
                }
                if (!signal.WaitOne(remaining > int.MaxValue ? int.MaxValue : (int)remaining, false))
                {
                    // The whole remaining time passed without a word: timed out, whatever a manual
                    // clock says (it may not move while we wait).
                    return PublishOutcome.TimedOut;
                }
            }
        }

        private void OnPublished(ushort messageId, bool isPublished)
        {
            lock (gate)
            {
                // Oldest outcome is overwritten if nobody waits for it: the ring stays bounded.
                int slot = recentCount < RecentCapacity ? recentCount++ : recentNext;
                recentNext = (slot + 1) % RecentCapacity;
                recentIds[slot] = messageId;
                recentOk[slot] = isPublished;
            }
            signal.Set();
        }

        private void OnConnectionClosed()
        {
            lock (gate)
            {
                closedGeneration++;
            }
            signal.Set();
        }

        private void RemoveAt(int index)
        {
            recentCount--;
            recentIds[index] = recentIds[recentCount];
            recentOk[index] = recentOk[recentCount];
            if (recentNext > recentCount)
            {
                recentNext = recentCount;
            }
        }
    }
}
