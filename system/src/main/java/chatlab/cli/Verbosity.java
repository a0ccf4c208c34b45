package chatlab.cli;

import picocli.CommandLine.Option;

/** The {@code -v}/{@code --verbose} option every chatlab command shares, as a picocli mixin. */
public final class Verbosity {
    @Option(names = {"-v", "--verbose"}, description = "Log more: once for events, twice for every frame or operation.")
    private boolean[] verbose = new boolean[0];

    /** Sets the log levels for how many times {@code -v} was given. */
    public void apply() {
        Logging.configure(verbose.length);
    }
}
