package chatlab.p2p.transfer;

import java.net.InetSocketAddress;
import javax.crypto.SecretKey;

/** A file someone is about to send: what the server told the receiver to expect. */
public record Offer(long transferId, SecretKey key, String from, String fileName, long size, String sha256,
        InetSocketAddress sender) {
    @Override
    public String toString() {
        return "Offer[transferId=" + transferId + ", from=" + from + ", fileName=" + fileName + ", size=" + size + "]";
    }
}
