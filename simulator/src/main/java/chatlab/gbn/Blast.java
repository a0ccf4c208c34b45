package chatlab.gbn;

/**
 * A raw UDP blast on loopback: datagrams of one size sent as fast as the sender can, with no
 * protocol at all. Goodput counts {@code chunkBytes} per datagram received, as a transfer would.
 */
public record Blast(int repeat, int datagramBytes, int chunkBytes, long sent, long received, long nanos) {
    public double goodputBitsPerSecond() {
        return nanos == 0 ? 0 : received * chunkBytes * 8 / (nanos / 1e9);
    }
}
