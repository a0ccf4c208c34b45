package chatlab.net;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A TOXIPROXY_URL that is malformed or where nothing answers is refused with what to do. */
class ExternalToxiproxyTest {

    @ParameterizedTest
    @ValueSource(strings = {"localhost:8474", "ftp://127.0.0.1:8474", "http://", "not a url"})
    void aMalformedUrlIsNamed(String url) {
        assertThatThrownBy(() -> ExternalToxiproxy.connect(url)).isInstanceOf(ToxiproxyUnavailableException.class)
                .hasMessage("TOXIPROXY_URL must be a URL such as http://127.0.0.1:8474, not '" + url + "'.");
    }

    @Test
    void aUrlWhereNothingListensSaysSoAndHowToFixIt() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort(); // closed again: nothing listens there now
        }
        assertThatThrownBy(() -> ExternalToxiproxy.connect("http://127.0.0.1:" + port))
                .isInstanceOf(ToxiproxyUnavailableException.class)
                .hasMessageStartingWith("No Toxiproxy answers at http://127.0.0.1:" + port + " (TOXIPROXY_URL)")
                .hasMessageContaining("unset TOXIPROXY_URL");
    }
}
