package chatlab.workload;

/**
 * The server is killed with SIGKILL, as {@code kill -9} does, and started again on the same
 * port and database when the fault ends: what was committed must survive, the rest is in doubt.
 */
public record ServerCrash() implements Fault {
    public static final String KIND = "kill";

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
        return "kill -9, then restart";
    }
}
