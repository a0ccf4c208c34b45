package chatlab.client.terminal;

import chatlab.protocol.Profile;

/**
 * The texts the terminal client prints where a seed's document gives exact words that differ
 * from chatlab's friendlier ones. The profile is the server's, from its {@code welcome}, unless
 * the user named one with {@code --profile}.
 */
record Wording(Profile profile) {
    static final Wording CHATLAB = new Wording(Profile.CHATLAB);

    /** Whether the profile's document fixes its texts word for word: Toom's and BlueTrace's. */
    private boolean exact() {
        return profile == Profile.TOOM || profile == Profile.BLUETRACE;
    }

    /** The line after a login that names the commands; none in the exact profiles, whose clients printed their own. */
    String commandsHint() {
        return exact() ? null : "Commands: MSG, EDT, DLT, RDM, ATU, UPD, OUT, send, broadcast, multicast, blockcast, "
                + "whoelse-since, block, unblock, Download_tempID, Beacon, Upload_contact_log. Type 'help' for more.";
    }

    /** Whether a line says that a file is on its way before the server answered; the exact profiles print only the outcome. */
    boolean showsProgress() {
        return !exact();
    }

    /** Whether users coming and going are shown as they happen; the exact profiles' clients did not show them. */
    boolean showsPresence() {
        return !exact();
    }

    /** A line that is no command: Toom's "Error. Invalid command!", BlueTrace's without the "!". */
    String unknownCommand() {
        return switch (profile) {
            case TOOM -> "Error. Invalid command!";
            case BLUETRACE -> "Error. Invalid command";
            default -> "Error. Invalid command! Type 'help' for the list of commands.";
        };
    }

    /** A refused command: the server's words alone in the exact profiles ("Hans is offline"), else after "Error: ". */
    String error(String message) {
        return exact() ? message : "Error: " + message;
    }

    /** After a wrong password: how many attempts are left, which the exact profiles' texts do not say. */
    String attemptsLeft(Integer left) {
        if (left == null || exact()) {
            return "";
        }
        return " (" + left + (left == 1 ? " attempt" : " attempts") + " left)";
    }
}
