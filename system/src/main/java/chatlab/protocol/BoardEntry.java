package chatlab.protocol;

/** One numbered message on the board, as Toom's messagelog.txt holds it. */
public record BoardEntry(int number, String user, String text, String timestamp, boolean edited) {
    /** A line of Toom's messagelog.txt: {@code number; timestamp; username; message; edited}. */
    public String messageLogLine() {
        return number + "; " + timestamp + "; " + user + "; " + text + "; " + (edited ? "yes" : "no");
    }
}
