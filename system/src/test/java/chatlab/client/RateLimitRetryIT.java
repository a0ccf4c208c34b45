package chatlab.client;

import static org.assertj.core.api.Assertions.assertThat;

import chatlab.protocol.ErrorCode;
import chatlab.testing.Outcomes;
import chatlab.testing.Recorder;
import chatlab.testing.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A client may honour {@code rate_limited} itself: it waits as told and sends the request again. */
class RateLimitRetryIT {
    @TempDir
    Path dir;

    private static List<CompletableFuture<?>> burst(ChatClient client, int n) {
        List<CompletableFuture<?>> requests = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            requests.add(client.who());
        }
        return requests;
    }

    @Test
    void withoutRetriesABurstPastTheLimitIsRefusedInPart() throws Exception {
        try (TestServer server = TestServer.start(dir, b -> b.rateLimit(5).clock(java.time.InstantSource.system()))) {
            server.signup("Yoda", "pw");
            ChatClient yoda = server.login("Yoda", "pw", new Recorder());
            List<ErrorCode> codes = burst(yoda, 30).stream().map(Outcomes::codeOf).toList();
            assertThat(codes).contains(ErrorCode.RATE_LIMITED);
        }
    }

    @Test
    void withRetriesEveryRequestOfTheBurstIsCarriedOut() throws Exception {
        try (TestServer server = TestServer.start(dir, b -> b.rateLimit(5).clock(java.time.InstantSource.system()))) {
            server.signup("Yoda", "pw");
            ChatClient yoda = ChatClient.connect("127.0.0.1", server.port(), server.clientOptions()
                    .withRateLimitRetry(Duration.ofSeconds(30)));
            ChatClient.await(yoda.login("Yoda", "pw", null));
            List<ErrorCode> codes = burst(yoda, 30).stream().map(Outcomes::codeOf).toList();
            assertThat(codes).containsOnlyNulls();
            yoda.close();
        }
    }
}
