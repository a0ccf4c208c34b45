package chatlab.workload;

/**
 * The server is frozen with SIGSTOP and thawed with SIGCONT when the fault ends, as a long GC
 * pause or a stalled virtual machine would freeze it: its sockets stay open, nothing answers.
 */
public record ServerPause() implements Fault {
    public static final String KIND = "pause";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public boolean onServer() {
        return true;
    }

    @Override
    public String describe() {
        return "pause (SIGSTOP, then SIGCONT)";
    }
}
