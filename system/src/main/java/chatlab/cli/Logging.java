package chatlab.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Sets how much the commands log: warnings only by default, more with each {@code --verbose}. */
public final class Logging {
    private Logging() {
    }

    /** 0: warnings and errors; 1: what the program does; 2 or more: every frame. */
    public static void configure(int verbosity) {
        Level level = switch (Math.min(verbosity, 2)) {
            case 0 -> Level.WARN;
            case 1 -> Level.INFO;
            default -> Level.DEBUG;
        };
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(level);
    }
}
