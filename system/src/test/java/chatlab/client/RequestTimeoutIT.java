package chatlab.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chatlab.protocol.ChatException;
import chatlab.protocol.ErrorCode;
import chatlab.protocol.ServerMessage;
import chatlab.tls.ChannelSecurity;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Requests a server never answers fail with {@link ErrorCode#TIMEOUT} once the request timeout
 * has passed since each was made, whatever else is waiting; answered ones are not failed later.
 * The server here answers the handshake, then only the requests whose id is even.
 */
class RequestTimeoutIT {
    private static final Duration TIMEOUT = Duration.ofMillis(400);
    /** How late a timeout may come on a busy machine before the test calls it lost. */
    private static final Duration LATE = Duration.ofSeconds(5);
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

    private ServerSocket listener;
    private ChatClient client;

    @BeforeEach
    void start() throws IOException {
        listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::serve);
        client = ChatClient.connect("127.0.0.1", listener.getLocalPort(), ClientOptions.defaults()
                .withSecurity(new ChannelSecurity.Plaintext()).withRequestTimeout(TIMEOUT).withHeartbeat(Duration.ZERO));
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        listener.close();
    }

    private void serve() {
        try (Socket s = listener.accept()) {
            var in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = s.getOutputStream();
            in.readLine(); // the hello
            out.write(("{\"type\":\"welcome\",\"id\":1,\"version\":1,\"server\":\"picky\",\"maxFrameBytes\":65536,"
                    + "\"zone\":\"UTC\"}\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                Matcher id = ID.matcher(line);
                if (id.find() && Long.parseLong(id.group(1)) % 2 == 0) {
                    out.write(("{\"type\":\"ok\",\"id\":" + id.group(1) + ",\"message\":\"pong\"}\n")
                            .getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    /** Waits for the request to fail and returns how long after {@code since} it did. */
    private static Duration failure(CompletableFuture<?> request, long since) {
        // waiting here longer than that throws a TimeoutException of its own, not an ExecutionException
        assertThatThrownBy(() -> request.get(TIMEOUT.plus(LATE).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS))
                .isInstanceOf(java.util.concurrent.ExecutionException.class);
        assertThatThrownBy(() -> ChatClient.await(request))
                .isInstanceOfSatisfying(ChatException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TIMEOUT));
        return Duration.ofNanos(System.nanoTime() - since);
    }

    @Test
    void anUnansweredRequestTimesOutNoSoonerThanTheTimeoutAfterItWasMade() {
        // the handshake was id 1, so this ping is id 2 (answered) and the next id 3 (not)
        assertThat(ChatClient.await(client.ping()).message()).isEqualTo("pong");
        long sent = System.nanoTime();
        Duration waited = failure(client.ping(), sent);
        assertThat(waited).isGreaterThanOrEqualTo(TIMEOUT).isLessThan(TIMEOUT.plus(LATE));
    }

    @Test
    void aRequestMadeAfterAnotherTimedOutGetsATimeoutOfItsOwn() {
        ChatClient.await(client.ping()); // id 2
        long first = System.nanoTime();
        failure(client.ping(), first); // id 3
        ChatClient.await(client.ping()); // id 4
        long second = System.nanoTime();
        Duration waited = failure(client.ping(), second); // id 5
        assertThat(waited).isGreaterThanOrEqualTo(TIMEOUT).isLessThan(TIMEOUT.plus(LATE));
    }

    @Test
    void ofRequestsMadeTogetherTheAnsweredOnesCompleteAndTheOthersTimeOut() {
        List<CompletableFuture<ServerMessage.Ok>> pings = new ArrayList<>();
        long sent = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            pings.add(client.ping()); // ids 2 to 11
        }
        for (int i = 0; i < pings.size(); i++) {
            if (i % 2 == 0) {
                assertThat(ChatClient.await(pings.get(i)).message()).isEqualTo("pong");
            } else {
                assertThat(failure(pings.get(i), sent)).isGreaterThanOrEqualTo(TIMEOUT);
            }
        }
        assertThat(client.isConnected()).isTrue();
    }

    @Test
    void aRequestAnsweredInTimeDoesNotFailAfterwards() throws Exception {
        CompletableFuture<ServerMessage.Ok> answered = client.ping(); // id 2
        CompletableFuture<ServerMessage.Ok> unanswered = client.ping(); // id 3
        assertThat(ChatClient.await(answered).message()).isEqualTo("pong");
        failure(unanswered, System.nanoTime()); // by now the answered one's timeout has passed too
        assertThat(answered).isCompletedWithValueMatching(ok -> ok.message().equals("pong"));
    }
}
