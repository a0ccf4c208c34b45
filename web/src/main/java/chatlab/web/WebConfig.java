package chatlab.web;

import chatlab.p2p.direct.DirectMessages;
import chatlab.tls.ChannelSecurity;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How the browser client runs: where it listens ({@code bind}, {@code port}; 0 picks a free
 * port), the chat server it speaks to and how it secures that connection, the first UDP port
 * for files (0: free ones), where received files go (a folder per user under it), the room
 * password if the server's room has one, the rate limit of its own API per session, how long
 * the page waits without input before it sets its user idle, where each user's keys and
 * direct messages are kept ({@code data}), and how direct messages for users who are away go
 * and are held for others ({@code direct}: relays, hold, fallback, limits).
 */
public record WebConfig(String bind, int port, String serverHost, int serverPort, ChannelSecurity security,
        int udpPort, Path downloads, String roomPassword, double requestsPerSecond, int burst, Duration idleAfter,
        Path data, DirectMessages.Settings direct) {

    /** With direct messages as by default (three relays, a day's hold, no fallback; holding for others). */
    public WebConfig(String bind, int port, String serverHost, int serverPort, ChannelSecurity security, int udpPort,
            Path downloads, String roomPassword, double requestsPerSecond, int burst, Duration idleAfter, Path data) {
        this(bind, port, serverHost, serverPort, security, udpPort, downloads, roomPassword, requestsPerSecond, burst,
                idleAfter, data, DirectMessages.Settings.DEFAULT);
    }

    /** With each user's identity key, known keys and direct-message store beside the downloads, in {@code <downloads>-data}. */
    public WebConfig(String bind, int port, String serverHost, int serverPort, ChannelSecurity security, int udpPort,
            Path downloads, String roomPassword, double requestsPerSecond, int burst, Duration idleAfter) {
        this(bind, port, serverHost, serverPort, security, udpPort, downloads, roomPassword, requestsPerSecond, burst,
                idleAfter, downloads.toAbsolutePath().resolveSibling(downloads.getFileName() + "-data"));
    }

    public static final double DEFAULT_REQUESTS_PER_SECOND = 20;
    public static final int DEFAULT_BURST = 40;
    /** How long the page waits without mouse or keyboard input before it sets its user idle. */
    public static final Duration DEFAULT_IDLE_AFTER = Duration.ofMinutes(5);

    public WebConfig(String bind, int port, String serverHost, int serverPort, ChannelSecurity security, int udpPort,
            Path downloads, String roomPassword, double requestsPerSecond, int burst) {
        this(bind, port, serverHost, serverPort, security, udpPort, downloads, roomPassword, requestsPerSecond, burst,
                DEFAULT_IDLE_AFTER);
    }

    public WebConfig withRateLimit(double perSecond, int burstSize) {
        return new WebConfig(bind, port, serverHost, serverPort, security, udpPort, downloads, roomPassword, perSecond,
                burstSize, idleAfter, data, direct);
    }

    public WebConfig withDirect(DirectMessages.Settings value) {
        return new WebConfig(bind, port, serverHost, serverPort, security, udpPort, downloads, roomPassword,
                requestsPerSecond, burst, idleAfter, data, value);
    }

    /** Whether only this machine can reach the page. */
    boolean loopback() {
        return bind.equals("127.0.0.1") || bind.equals("localhost") || bind.equals("::1") || bind.startsWith("127.");
    }

    @Override
    public String toString() {
        return "WebConfig[bind=" + bind + ", port=" + port + ", server=" + serverHost + ":" + serverPort + ", roomPassword="
                + (roomPassword == null ? "none" : "***") + "]";
    }
}
