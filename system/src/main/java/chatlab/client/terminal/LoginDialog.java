package chatlab.client.terminal;

import chatlab.client.ChatClient;
import chatlab.protocol.ChatException;
import chatlab.protocol.ErrorCode;
import chatlab.protocol.ServerMessage;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * The terminal client's way in: the room password when the server's room has one, then the
 * username and password, with a signup offered to a name the server does not know, and the
 * welcome with the number of messages kept from while the user was away.
 */
final class LoginDialog {
    private final ChatClient client;
    private final TerminalClient.Settings settings;
    private final Wording wording;
    /** Reads a line after a prompt, with a mask character for passwords (null: shown); null at the end of input. */
    private final BiFunction<String, Character, String> reader;
    private final Consumer<String> printer;
    private final Character mask;
    private final int udpPort;

    LoginDialog(ChatClient client, TerminalClient.Settings settings, Wording wording,
            BiFunction<String, Character, String> reader, Consumer<String> printer, Character mask, int udpPort) {
        this.client = client;
        this.settings = settings;
        this.wording = wording;
        this.reader = reader;
        this.printer = printer;
        this.mask = mask;
        this.udpPort = udpPort;
    }

    private String read(String prompt, Character mask) {
        return reader.apply(prompt, mask);
    }

    private void print(String line) {
        printer.accept(line);
    }

    /** Gives the room password, asking for it unless it was given; false when the user gives up or is blocked. */
    boolean enterRoom() {
        String given = settings.roomPassword();
        while (true) {
            String password = given != null ? given : read("Room password: ", mask);
            if (password == null) {
                return false;
            }
            if (password.isBlank()) {
                continue;
            }
            try {
                print(ChatClient.await(client.enterRoom(password)).message());
                return true;
            } catch (ChatException e) {
                print(e.getMessage() + (e.code() == ErrorCode.WRONG_ROOM_PASSWORD ? wording.attemptsLeft(e.attemptsLeft())
                        : ""));
                if (e.code() != ErrorCode.WRONG_ROOM_PASSWORD || given != null) {
                    return false;
                }
            }
        }
    }

    String login() {
        String user = settings.user();
        while (true) {
            if (user == null) {
                user = read("Username: ", null);
                if (user == null) {
                    return null;
                }
                user = user.strip();
                if (user.isEmpty()) {
                    user = null;
                    continue;
                }
            }
            String password = read("Password: ", mask);
            if (password == null) {
                return null;
            }
            try {
                welcome(ChatClient.await(client.login(user, password, udpPort)));
                return user;
            } catch (ChatException e) {
                print(e.getMessage() + (e.code() == ErrorCode.WRONG_PASSWORD ? wording.attemptsLeft(e.attemptsLeft()) : ""));
                switch (e.code()) {
                    case WRONG_PASSWORD -> { }
                    case UNKNOWN_USER -> {
                        if (offerSignup(user, password)) {
                            return user;
                        }
                        if (settings.user() != null) {
                            return null;
                        }
                        user = null;
                    }
                    case ACCOUNT_BLOCKED, BANNED, CONNECTION_LOST, SERVER_UNREACHABLE, TIMEOUT -> {
                        return null;
                    }
                    default -> {
                        if (settings.user() != null) {
                            return null;
                        }
                        user = null;
                    }
                }
            }
        }
    }

    private boolean offerSignup(String user, String password) {
        String answer = read("Create an account named " + user + " with this password? [y/N] ", null);
        if (answer == null || !answer.strip().toLowerCase(java.util.Locale.ROOT).startsWith("y")) {
            return false;
        }
        try {
            print(ChatClient.await(client.signup(user, password)).message());
            welcome(ChatClient.await(client.login(user, password, udpPort)));
            return true;
        } catch (ChatException e) {
            print(wording.error(e.getMessage()));
            return false;
        }
    }

    void welcome(ServerMessage.LoggedIn loggedIn) {
        print(loggedIn.message());
        if (loggedIn.pending() > 0) {
            print("You have " + loggedIn.pending() + " message" + (loggedIn.pending() == 1 ? "" : "s")
                    + " from while you were away:");
        }
    }
}
