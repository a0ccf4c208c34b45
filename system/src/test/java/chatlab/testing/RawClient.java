package chatlab.testing;

import static org.awaitility.Awaitility.await;

import chatlab.protocol.Frame;
import chatlab.protocol.FrameReader;
import chatlab.protocol.MessageCodec;
import chatlab.protocol.ServerMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A bare socket that writes whatever bytes a test gives it and collects the frames the server
 * sends back, to test the server with input no well-behaved client would send.
 */
public final class RawClient implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final List<ServerMessage> received = new CopyOnWriteArrayList<>();
    private volatile boolean closedByServer;

    /** A plaintext connection, for a server started with --plaintext or one that is not a chatlab server. */
    public RawClient(int port) throws IOException {
        this(port, InetAddress.getLoopbackAddress(), new chatlab.tls.ChannelSecurity.Plaintext());
    }

    public RawClient(int port, chatlab.tls.ChannelSecurity security) throws IOException {
        this(port, InetAddress.getLoopbackAddress(), security);
    }

    /** Connects from a given local address, such as 127.0.0.2, to look like another machine. */
    public RawClient(int port, InetAddress from, chatlab.tls.ChannelSecurity security) throws IOException {
        Socket plain = new Socket();
        plain.bind(new InetSocketAddress(from, 0));
        plain.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
        socket = security.secure(plain, "127.0.0.1", port, java.time.Duration.ofSeconds(5));
        out = socket.getOutputStream();
        Thread.ofVirtual().start(this::read);
    }

    private void read() {
        try {
            FrameReader reader = new FrameReader(socket.getInputStream());
            Frame frame;
            while ((frame = reader.next()) != null) {
                if (frame instanceof Frame.Line line) {
                    received.add(MessageCodec.instance().decodeServer(line.text()));
                }
            }
        } catch (IOException e) {
            // the socket closed
        } finally {
            closedByServer = true;
        }
    }

    public RawClient send(String line) throws IOException {
        return sendBytes((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    public RawClient sendBytes(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Writes one byte at a time, flushing each, as a 1-byte slicer would deliver them. */
    public RawClient trickle(String text) throws IOException {
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            out.write(b);
            out.flush();
        }
        return this;
    }

    /** Handshakes and logs in. */
    public RawClient login(String user, String password) throws IOException {
        send("{\"type\":\"hello\",\"id\":1,\"version\":1}");
        send("{\"type\":\"login\",\"id\":2,\"user\":\"" + user + "\",\"password\":\"" + password + "\"}");
        awaitResponse(2);
        return this;
    }

    /** Waits for the response with this id. */
    public ServerMessage.Response awaitResponse(long id) {
        await().atMost(Recorder.WAIT).until(() -> response(id) != null);
        return response(id);
    }

    /** Waits for the n-th frame (counting from 1) and returns it. */
    public ServerMessage awaitFrame(int n) {
        await().atMost(Recorder.WAIT).until(() -> received.size() >= n);
        return received.get(n - 1);
    }

    private ServerMessage.Response response(long id) {
        for (ServerMessage message : received) {
            if (message instanceof ServerMessage.Response r && r.id() == id) {
                return r;
            }
        }
        return null;
    }

    public List<ServerMessage> received() {
        return List.copyOf(received);
    }

    public void awaitClosedByServer() {
        await().atMost(Recorder.WAIT).until(() -> closedByServer);
    }

    public boolean closedByServer() {
        return closedByServer;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
