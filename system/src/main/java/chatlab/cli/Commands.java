package chatlab.cli;

import picocli.CommandLine;

/** Runs a picocli command the same way for every chatlab entry point. */
public final class Commands {
    private Commands() {
    }

    /** Parses and runs {@code command}, and exits with its exit code. */
    public static void main(Object command, String... args) {
        System.exit(line(command).execute(args));
    }

    /** The command line of {@code command}, set up as every chatlab entry point is. */
    public static CommandLine line(Object command) {
        CommandLine line = new CommandLine(command);
        line.setCaseInsensitiveEnumValuesAllowed(true);
        line.setUsageHelpAutoWidth(true);
        line.setParameterExceptionHandler((ex, arguments) -> {
            CommandLine cmd = ex.getCommandLine();
            cmd.getErr().println(cmd.getColorScheme().errorText("error: " + ex.getMessage()));
            cmd.getErr().println("Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
            return 2;
        });
        return line;
    }

    /**
     * A value given either as an option or in the seed's positional form: either one, or the
     * fallback. Giving both, with different values, is an error.
     */
    public static <T> T either(T option, T positional, T fallback, String what) {
        if (option != null && positional != null && !option.equals(positional)) {
            throw new IllegalArgumentException("the " + what + " is given twice, as " + positional + " and as " + option);
        }
        return option != null ? option : positional != null ? positional : fallback;
    }
}
