package chatlab.gbn;

/**
 * A UDP blast on loopback: datagrams of one size sent as fast as the sender can, with no
 * protocol at all. Goodput counts {@code chunkBytes} per datagram received, as a transfer would.
 * A sealed blast sends the transfer's own sealed data datagrams and opens each on receipt; a raw
 * one sends the bytes as they are (runs written before sealed blasts existed read as raw).
 */
public record Blast(int repeat, int datagramBytes, int chunkBytes, long sent, long received, long nanos,
        boolean sealed) {
    public double goodputBitsPerSecond() {
        return nanos == 0 ? 0 : received * chunkBytes * 8 / (nanos / 1e9);
    }
}
