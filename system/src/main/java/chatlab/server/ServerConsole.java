package chatlab.server;

import chatlab.protocol.ChatException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The operator's console, as CSC573's server had one: commands read one per line from the
 * terminal the server runs on. {@code who} lists the users in the room and the kick votes
 * standing against them, {@code kick USER} removes a user at once, {@code say MESSAGE}
 * announces to everyone logged in, and {@code stop} shuts the server down.
 */
final class ServerConsole {
    static final String HELP = "Console commands: who, kick USER, say MESSAGE, stop, help";

    private final RoomService room;
    private final PrintStream out;
    private final Runnable stop;

    ServerConsole(RoomService room, PrintStream out, Runnable stop) {
        this.room = room;
        this.out = out;
        this.stop = stop;
    }

    /**
     * Whether the server runs in the foreground of an interactive terminal (standard input and
     * output both a terminal), the only case in which a console is read. A server started in
     * the background with {@code &} would be stopped by the terminal at its first read.
     */
    static boolean interactive() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try { // since JDK 22 a console exists even when input is redirected; isTerminal tells them apart
            if (!(Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console)) {
                return false;
            }
        } catch (ReflectiveOperationException e) {
            // JDK 21: a console exists only on a terminal
        }
        return inForeground(Path.of("/proc/self/stat"));
    }

    /**
     * Whether this process's group is the terminal's foreground group, read from Linux's
     * {@code /proc/self/stat} (fields 5 and 8); true where that file does not exist.
     */
    static boolean inForeground(Path stat) {
        try {
            String text = java.nio.file.Files.readString(stat);
            String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" "); // the name may hold spaces
            return fields[2].equals(fields[5]); // pgrp, tpgid
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    /** Reads and carries out commands until input ends or {@code stop}. */
    void run(BufferedReader in) throws IOException {
        String line;
        while ((line = in.readLine()) != null) {
            if (!execute(line)) {
                return;
            }
        }
    }

    /** Carries out one command line; returns false after {@code stop}. */
    boolean execute(String line) {
        String[] words = line.strip().split("\\s+", 2);
        String verb = words[0].toLowerCase(Locale.ROOT);
        String rest = words.length > 1 ? words[1].strip() : "";
        try {
            switch (verb) {
                case "" -> { }
                case "who", "getusers" -> who();
                case "kick" -> {
                    if (rest.isEmpty() || rest.contains(" ")) {
                        out.println("Usage: kick USER");
                    } else {
                        out.println(room.kick(rest));
                    }
                }
                case "say" -> {
                    if (rest.isEmpty()) {
                        out.println("Usage: say MESSAGE");
                    } else {
                        int sent = room.say(rest);
                        out.println("Announced to " + sent + " session" + (sent == 1 ? "" : "s") + ".");
                    }
                }
                case "stop" -> {
                    out.println("Stopping the server.");
                    stop.run();
                    return false;
                }
                case "help", "?" -> out.println(HELP);
                default -> out.println("Unknown command '" + words[0] + "'. " + HELP);
            }
        } catch (ChatException | IllegalArgumentException e) {
            out.println("Error: " + e.getMessage());
        }
        out.flush();
        return true;
    }

    private void who() {
        List<String> users = room.users();
        if (users.isEmpty()) {
            out.println("Nobody is in the room.");
            return;
        }
        out.println(users.size() + " in the room:");
        users.forEach(user -> out.println("  " + user));
        Map<String, Integer> votes = room.standingVotes();
        votes.forEach((user, count) -> out.println("  kick votes against " + user + ": " + count));
    }
}
