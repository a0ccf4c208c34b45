package chatlab.p2p.arq;

/** What a sender did: transmissions, retransmissions and timeouts, and how long its timers were. */
public final class SenderStats {
    long transmissions;
    long retransmissions;
    long timeouts;
    long timeoutNanos;
    long duplicateAcks;
    long ignoredAcks;
    long rttSamples;
    long acks;

    public long transmissions() {
        return transmissions;
    }

    public long retransmissions() {
        return retransmissions;
    }

    public long timeouts() {
        return timeouts;
    }

    /** The mean length of the timers that expired, or 0 if none did. */
    public double meanTimeoutNanos() {
        return timeouts == 0 ? 0 : (double) timeoutNanos / timeouts;
    }

    public long duplicateAcks() {
        return duplicateAcks;
    }

    /** Acknowledgements for segments never sent, ignored. */
    public long ignoredAcks() {
        return ignoredAcks;
    }

    public long rttSamples() {
        return rttSamples;
    }

    /** Every acknowledgement that reached the sender, duplicates and ignored ones included. */
    public long acks() {
        return acks;
    }

    @Override
    public String toString() {
        return "transmissions=" + transmissions + " retransmissions=" + retransmissions + " timeouts=" + timeouts
                + " duplicateAcks=" + duplicateAcks;
    }
}
