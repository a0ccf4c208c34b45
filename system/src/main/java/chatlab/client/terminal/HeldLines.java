package chatlab.client.terminal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Lines the server pushes while the login dialog is still printing (messages kept from while the
 * user was away arrive right behind the login's answer): held, then printed in the order they
 * came once the dialog is done, so they never land between its lines.
 */
final class HeldLines {
    private final Consumer<String> out;
    /** The lines held so far; null once released. */
    private List<String> held = new ArrayList<>();

    HeldLines(Consumer<String> out) {
        this.out = out;
    }

    /** Prints a line, or holds it until {@link #release}. */
    synchronized void print(String line) {
        if (held != null) {
            held.add(line);
        } else {
            out.accept(line);
        }
    }

    /** Prints what was held, in order; from now on lines print as they come. Idempotent. */
    synchronized void release() {
        if (held == null) {
            return;
        }
        List<String> lines = held;
        held = null;
        lines.forEach(out);
    }
}
