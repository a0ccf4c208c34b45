package chatlab.cli;

/**
 * The platform threads ("carriers") that run a process's virtual threads. The JDK's default is
 * one per core. When the server and the simulator share a machine, two processes each with one
 * carrier per core wake each other's idle carriers for every short task (a frame read, a reply
 * queued), and those wake-ups, not the work, take the machine: on two cores, one carrier each
 * gave the server a quarter less CPU per delivered message and the simulator a fifth less per
 * operation (reports/reference/profile/). So the lab splits the cores between the server and
 * one simulator process, and the server and the simulator take {@code --carriers}. (Where the
 * work comes in long pieces, such as thousands of TLS handshakes at once, one carrier a process
 * starves it instead.)
 *
 * <p>The JDK reads the setting once, when the process starts its first virtual thread: {@link
 * #use(Integer)} must run before that, first thing in a command's {@code call()}. Later (a command
 * run inside a test's JVM) it changes nothing, and says so, so that what a run records is what it
 * ran on.
 */
public final class Carriers {
    /** The JDK's system property for the virtual-thread scheduler's parallelism. */
    public static final String PROPERTY = "jdk.virtualThreadScheduler.parallelism";
    /** The most carriers a process may be given. */
    public static final int MOST = 256;

    private Carriers() {
    }

    /** The carriers this process runs its virtual threads on (as set, or one per core). */
    public static int current() {
        Integer set = Integer.getInteger(PROPERTY);
        return set != null && set > 0 ? set : Runtime.getRuntime().availableProcessors();
    }

    /**
     * Sets this process's carriers, unless {@code count} is null; refuses a count out of 1 to
     * {@link #MOST}. False when it came too late: the process's virtual threads already run, on
     * {@link #current()} carriers.
     */
    public static boolean use(Integer count) {
        if (count == null) {
            return true;
        }
        String value = String.valueOf(check(count, "--carriers"));
        if (running()) {
            return value.equals(System.getProperty(PROPERTY));
        }
        System.setProperty(PROPERTY, value);
        return true;
    }

    /**
     * As {@link #use(Integer)}, telling {@code note} when it came too late: what a user who asked
     * for {@code --carriers} reads, the same from every command.
     */
    public static void use(Integer count, java.util.function.Consumer<String> note) {
        if (!use(count)) {
            note.accept("note: --carriers " + count + " comes too late in this process, whose virtual threads already run on "
                    + current());
        }
    }

    /** Whether the JDK's scheduler for virtual threads has started its carriers (and so read its setting). */
    private static boolean running() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getClass().getName().equals("jdk.internal.misc.CarrierThread"));
    }

    /**
     * The server's share when it and the load share {@code cores}: half, at least one. The load
     * gets the rest, at least one.
     */
    public static int serverShare(int cores) {
        return Math.max(1, cores / 2);
    }

    /** The load's share: the cores the server does not get, at least one. */
    public static int loadShare(int cores) {
        return Math.max(1, cores - serverShare(cores));
    }

    /** {@code count} if it is from 1 to {@link #MOST}; otherwise an error naming {@code what}. */
    public static int check(int count, String what) {
        if (count < 1 || count > MOST) {
            throw new IllegalArgumentException(what + " takes a number of threads from 1 to " + MOST + ", not " + count);
        }
        return count;
    }
}
