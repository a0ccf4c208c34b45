package chatlab.driver.xmpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/** The XMPP driver's sockets send each write at once, however Smack asks for them. */
class NoDelaySocketFactoryTest {
    @Test
    void everySocketItMakesHasNaglesAlgorithmOff() throws Exception {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (ServerSocket server = new ServerSocket(0, 10, loopback);
                Socket unconnected = NoDelaySocketFactory.INSTANCE.createSocket();
                Socket byName = NoDelaySocketFactory.INSTANCE.createSocket("127.0.0.1", server.getLocalPort());
                Socket byAddress = NoDelaySocketFactory.INSTANCE.createSocket(loopback, server.getLocalPort(), loopback, 0)) {
            assertThat(unconnected.getTcpNoDelay()).isTrue();
            assertThat(byName.isConnected()).isTrue();
            assertThat(byName.getTcpNoDelay()).isTrue();
            assertThat(byAddress.isConnected()).isTrue();
            assertThat(byAddress.getTcpNoDelay()).isTrue();
        }
    }
}
