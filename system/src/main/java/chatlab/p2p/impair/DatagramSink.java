package chatlab.p2p.impair;

import java.net.InetSocketAddress;

/** Somewhere datagrams go: a UDP socket, or an impaired link in front of one. */
@FunctionalInterface
public interface DatagramSink {
    void send(byte[] datagram, InetSocketAddress to);
}
