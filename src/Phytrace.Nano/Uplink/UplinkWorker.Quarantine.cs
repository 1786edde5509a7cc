namespace Phytrace.Nano.Uplink
{
    /// <summary>
    /// The uplink's defence against a stored record that cannot be sent (see the class summary).
    /// Two ways in: the record fails <see cref="SendableCheck"/> (no batch can carry it), or the
    /// broker refuses it alone <see cref="UplinkOptions.QuarantineAfterFailures"/> times in a row
    /// in a way that blames the message. The second is only a suspicion until the broker takes the
    /// record behind it (a probe, sent alone): a broker that refuses every event (an ACL, a quota)
    /// singles out no record, so nothing is set aside and the uplink backs off as for any failure.
    /// A record set aside is published once to the quarantine topic and removed after its PUBACK.
    /// If the broker refuses that too, it is dropped, but only once the broker has taken the record
    /// behind it; otherwise it stays and is tried again after the back-off. One report per record.
    /// </summary>
    public sealed partial class UplinkWorker
    {
        // A head record that failed alone in a way that blames it: its sequence, how often in a row, the last reason.
        private long suspectSequence = -1;
        private int suspectFailures;
        private string suspectReason = string.Empty;

        // The record set aside (-1: none), why, and refused publishes of it to the quarantine topic.
        private long quarantineSequence = -1;
        private string quarantineReason = string.Empty;
        private int quarantineFailures;

        // The record right behind the one set aside, when the broker has taken it alone (-1: not yet):
        // delivered, it is acknowledged together with the record set aside.
        private long probeSequence = -1;

        private void NoteLoneFailure(long sequence, string message)
        {
            if (sequence == suspectSequence)
            {
                suspectFailures++;
            }
            else
            {
                suspectSequence = sequence;
                suspectFailures = 1;
            }
            suspectReason = message;
        }

        private void ClearSuspect()
        {
            suspectSequence = -1;
            suspectFailures = 0;
        }

        /// <summary>
        /// Judges the suspect: sends the record behind it alone, then the suspect alone once more.
        /// The broker taking the one behind but not the suspect singles the suspect out (asking the
        /// suspect again means a broker that has only just started taking events clears it instead).
        /// </summary>
        private int ProbeBehindSuspect(long now)
        {
            SetState(UplinkState.Sending);
            long suspect = events.Sequence(0);
            if (probeSequence != events.Sequence(1) && !ProbeBehind())
            {
                SendRefused();
                ClearSuspect();
                return Failed(now, result.Error, "the broker refuses other events too, so no record is set aside: " + (result.ErrorMessage ?? "send failed"));
            }
            result.Reset();
            if (transport.Send(events, 0, 1, result))
            {
                // Cleared: both are delivered (the one behind first).
                buffer.AcknowledgeThrough(probeSequence);
                probeSequence = -1;
                ClearSuspect();
                Delivered(2);
                lock (gate)
                {
                    counters.BatchesSent++; // two batches of one
                }
                return 0;
            }
            SendRefused();
            string message = result.ErrorMessage ?? "send failed";
            if (!transport.LastFailureBlamesMessage)
            {
                return Failed(now, result.Error, message);
            }
            SetAside(suspect, "the broker did not take it even alone (" + (suspectFailures + 1).ToString() + " attempts; last: "
                + message + ") but took the event behind it");
            return 0;
        }

        /// <summary>Sends the record behind the head alone; true (and remembered) once the broker takes it.</summary>
        private bool ProbeBehind()
        {
            result.Reset();
            if (!transport.Send(events, 1, 1, result))
            {
                return false;
            }
            probeSequence = events.Sequence(1);
            BrokerTook();
            return true;
        }

        private void SetAside(long sequence, string reason)
        {
            quarantineSequence = sequence;
            quarantineReason = reason;
            quarantineFailures = 0;
            ClearSuspect();
        }

        /// <summary>Publishes the head record (set aside) to the quarantine topic; removes it after the PUBACK.</summary>
        private int Quarantine(long now)
        {
            SetState(UplinkState.Sending);
            result.Reset();
            long sequence = events.Sequence(0);
            if (transport.PublishQuarantined(events, 0, result))
            {
                BrokerTook();
                FinishQuarantine(sequence, true, quarantineReason);
                return 0;
            }
            SendRefused();
            string message = result.ErrorMessage ?? "publish failed";
            if (transport.LastFailureBlamesMessage)
            {
                quarantineFailures++;
            }
            if (quarantineFailures < options.QuarantineAfterFailures)
            {
                return Failed(now, result.Error, "publishing a quarantined record failed: " + message);
            }
            if (probeSequence < 0 && events.Count > 1)
            {
                ProbeBehind();
            }
            if (probeSequence >= 0)
            {
                FinishQuarantine(sequence, false, quarantineReason + "; the quarantine topic did not take it either (" + quarantineFailures.ToString()
                    + " attempts; last: " + message + ") while the broker took the event behind it, so it was dropped");
                return 0;
            }
            // Nothing shows the broker takes this node's other events: keep the record and try again later.
            quarantineFailures = 0;
            return Failed(now, result.Error, "the quarantine topic refuses record " + sequence.ToString()
                + " and no other event has been taken, so it stays buffered: " + message);
        }

        private void FinishQuarantine(long sequence, bool published, string reason)
        {
            bool probed = probeSequence >= 0;
            buffer.AcknowledgeThrough(probed ? probeSequence : sequence);
            RecordQuarantinedHandler? handler;
            lock (gate)
            {
                if (published)
                {
                    counters.Quarantined++;
                }
                else
                {
                    counters.QuarantineDropped++;
                }
                if (probed)
                {
                    counters.EventsSent++;
                    counters.BatchesSent++;
                }
                counters.LastQuarantinedSequence = sequence;
                counters.LastQuarantineReason = reason;
                handler = RecordQuarantined;
            }
            quarantineSequence = -1;
            quarantineFailures = 0;
            probeSequence = -1;
            ClearSuspect();
            nextStatusAtMs = 0; // the status carries the new count at the next step
            if (handler != null)
            {
                handler(sequence, published, reason);
            }
        }
    }
}
