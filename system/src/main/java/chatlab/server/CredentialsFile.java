package chatlab.server;

import chatlab.protocol.ChatException;
import chatlab.protocol.Usernames;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a credentials file in the seed format: one {@code username password} per line,
 * separated by one space, both case-sensitive. Blank lines are skipped. Every bad line is
 * reported with its number.
 */
public final class CredentialsFile {

    /** One account from the file. */
    public record Credential(int line, String user, String password) {
        @Override
        public String toString() {
            return "Credential[line=" + line + ", user=" + user + ", password=***]";
        }
    }

    /** A credentials file that cannot be used, with one problem per line. */
    public static final class InvalidException extends Exception {
        private final List<String> problems;

        InvalidException(Path file, List<String> problems) {
            super(file + ": " + problems.size() + (problems.size() == 1 ? " bad line" : " bad lines") + "\n  "
                    + String.join("\n  ", problems));
            this.problems = List.copyOf(problems);
        }

        InvalidException(String message) {
            super(message);
            this.problems = List.of(message);
        }

        public List<String> problems() {
            return problems;
        }
    }

    private CredentialsFile() {
    }

    public static List<Credential> read(Path file) throws InvalidException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidException("credentials file not found: " + file);
        } catch (CharacterCodingException e) {
            throw new InvalidException(file + ": not a UTF-8 text file");
        } catch (IOException e) {
            throw new InvalidException("cannot read the credentials file " + file + ": " + e.getMessage());
        }
        List<Credential> credentials = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            int number = i + 1;
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String problem = check(line);
            if (problem == null) {
                int space = line.indexOf(' ');
                String user = line.substring(0, space);
                Integer first = seen.putIfAbsent(user, number);
                if (first != null) {
                    problem = "user '" + user + "' is already defined on line " + first;
                } else {
                    credentials.add(new Credential(number, user, line.substring(space + 1)));
                }
            }
            if (problem != null) {
                problems.add("line " + number + ": " + problem);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidException(file, problems);
        }
        return credentials;
    }

    private static String check(String line) {
        int space = line.indexOf(' ');
        if (space < 0) {
            return "expected 'username password' separated by one space";
        }
        if (space == 0) {
            return "the line starts with a space; expected 'username password'";
        }
        String user = line.substring(0, space);
        String password = line.substring(space + 1);
        if (!Usernames.isValid(user)) {
            return "invalid username '" + user + "': use " + Usernames.RULE;
        }
        try {
            chatlab.protocol.Passwords.require(password);
        } catch (ChatException e) {
            return "invalid password for '" + user + "': " + e.getMessage();
        }
        if (password.startsWith(" ")) {
            return "more than one space between username and password";
        }
        return null;
    }
}
