package chatlab.protocol;

/** One active session, numbered in login order as Toom's userlog.txt numbers it. */
public record ActiveUser(int seq, String user, String since, String address, Integer udpPort) {
}
