package chatlab.protocol;

/**
 * One active session, numbered in login order as Toom's userlog.txt numbers it, with its user's
 * status (absent from servers that keep none).
 */
public record ActiveUser(int seq, String user, String since, String address, Integer udpPort, UserStatus status) {
    public ActiveUser(int seq, String user, String since, String address, Integer udpPort) {
        this(seq, user, since, address, udpPort, null);
    }

    /** A line of Toom's userlog.txt: {@code seq; timestamp; username; client IP; client UDP port}. */
    public String userLogLine() {
        return seq + "; " + since + "; " + user + "; " + address + "; " + (udpPort == null ? "-" : udpPort.toString());
    }
}
