package chatlab.client.terminal;

import chatlab.protocol.Audience;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns a line typed at the terminal into a {@link Command}. */
final class CommandParser {
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*([smhd]?)");
    /** A Toom timestamp is four words: {@code 23 Feb 2021 15:00:01}. */
    private static final int TIMESTAMP_WORDS = 4;
    /** CSC573's own form: the command, the users in brackets split by '|', then the rest: {@code mmulticast[a|b]Hi}. */
    private static final Pattern BRACKETED = Pattern.compile("([A-Za-z_]+)\\[([^\\]]*)\\](.*)", Pattern.DOTALL);

    private CommandParser() {
    }

    static Command parse(String line) {
        String trimmed = unbracket(line.strip());
        String[] head = trimmed.split("\\s+", 2);
        Optional<Verb> verb = Verb.named(head[0]);
        if (verb.isEmpty()) {
            return new Command.Unknown(head[0]);
        }
        String rest = head.length > 1 ? head[1].strip() : "";
        Command command = parse(verb.get(), rest);
        return command != null ? command : new Command.Invalid("Error. Usage: " + verb.get().usage());
    }

    /** Rewrites CSC573's {@code fblockcast[unith|aish]alice.txt} as {@code fblockcast unith,aish alice.txt}. */
    private static String unbracket(String line) {
        Matcher m = BRACKETED.matcher(line);
        if (!m.matches() || Verb.named(m.group(1)).isEmpty()) {
            return line;
        }
        List<String> names = Arrays.stream(m.group(2).split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        return m.group(1) + " " + (names.isEmpty() ? "" : String.join(",", names) + " ") + m.group(3).strip();
    }

    /** Returns null when the arguments do not fit the command. */
    private static Command parse(Verb verb, String rest) {
        String[] words = rest.isEmpty() ? new String[0] : rest.split("\\s+");
        return switch (verb) {
            case POST -> rest.isEmpty() ? null : new Command.Post(rest);
            case EDIT -> edit(rest);
            case DELETE -> words.length == 1 + TIMESTAMP_WORDS && number(words[0]) > 0
                    ? new Command.Delete(number(words[0]), join(words, 1, words.length)) : null;
            case READ -> words.length == TIMESTAMP_WORDS ? new Command.Read(rest) : null;
            case WHO -> words.length == 0 ? new Command.Who() : null;
            case LOGOUT -> words.length == 0 ? new Command.Logout() : null;
            case SEND -> message(Audience.UNICAST, rest, false);
            case MULTICAST -> message(Audience.MULTICAST, rest, true);
            case BROADCAST -> rest.isEmpty() ? null : new Command.Send(Audience.BROADCAST, List.of(), rest);
            case BLOCKCAST -> message(Audience.BLOCKCAST, rest, true);
            case SEND_FILE -> file(message(Audience.UNICAST, rest, false));
            case MULTICAST_FILE -> file(message(Audience.MULTICAST, rest, true));
            case BROADCAST_FILE -> rest.isEmpty() ? null : new Command.SendFile(Audience.BROADCAST, List.of(), Path.of(rest));
            case BLOCKCAST_FILE -> file(message(Audience.BLOCKCAST, rest, true));
            case DOWNLOAD_TEMP_ID -> words.length == 0 ? new Command.DownloadTempId() : null;
            case BEACON -> words.length == 2 && port(words[1]) > 0 ? new Command.Beacon(words[0], port(words[1])) : null;
            case UPLOAD_CONTACT_LOG -> words.length == 0 ? new Command.UploadContactLog() : null;
            case AUTO_BEACON -> autoBeacon(words);
            case CONTACT_LOG -> words.length == 0 ? new Command.ContactLog() : null;
            case WHO_ELSE_SINCE -> words.length == 1 ? duration(words[0]) : null;
            case BLOCK -> words.length == 1 ? new Command.Block(words[0]) : null;
            case UNBLOCK -> words.length == 1 ? new Command.Unblock(words[0]) : null;
            case USERLOG -> words.length == 0 ? new Command.UserLog() : null;
            case MESSAGELOG -> words.length == 0 ? new Command.MessageLog() : null;
            case PROFILE -> profile(words, rest);
            case STATUS -> status(words, rest);
            case GROUP -> group(words);
            case GROUP_SEND -> addressed(rest, Command.GroupSend::new);
            case DIRECT -> addressed(rest, Command.Direct::new);
            case SEARCH -> words.length == 0 ? null : words[0].equalsIgnoreCase("users")
                    ? (words.length > 1 ? new Command.Search(true, rest.substring(words[0].length()).strip()) : null)
                    : new Command.Search(false, rest);
            case MARKDOWN -> words.length == 1 && words[0].matches("(?i)on|off")
                    ? new Command.Markdown(words[0].equalsIgnoreCase("on")) : null;
            case KICK -> words.length == 1 ? new Command.Kick(words[0]) : null;
            case PING -> words.length == 0 ? new Command.Ping() : null;
            case RECONNECT -> words.length == 0 ? new Command.Reconnect() : null;
            case HELP -> help(words);
        };
    }

    /** A name, then text kept as typed ({@code <group|user> <message>}), or null without both. */
    private static Command addressed(String rest, java.util.function.BiFunction<String, String, Command> command) {
        String[] parts = rest.split("\\s+", 2);
        return parts.length == 2 && !parts[1].isBlank() ? command.apply(parts[0], parts[1]) : null;
    }

    private static Command profile(String[] words, String rest) {
        if (words.length == 0) {
            return new Command.ShowProfile(null);
        }
        String field = words[0].toLowerCase(Locale.ROOT);
        String value = rest.substring(words[0].length()).strip();
        return switch (field) {
            case "name" -> new Command.SetProfile(value, null);
            case "about" -> new Command.SetProfile(null, value);
            case "avatar" -> value.isEmpty() ? null : new Command.SetAvatar(Path.of(value));
            default -> words.length == 1 ? new Command.ShowProfile(words[0]) : null;
        };
    }

    private static Command status(String[] words, String rest) {
        if (words.length == 0) {
            return null;
        }
        try {
            String note = rest.substring(words[0].length()).strip();
            return new Command.SetStatus(chatlab.protocol.UserStatus.parse(words[0].toLowerCase(Locale.ROOT)),
                    note.isEmpty() ? null : note);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Command group(String[] words) {
        if (words.length == 0) {
            return null;
        }
        Command.GroupAction action;
        try {
            action = Command.GroupAction.valueOf(words[0].toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
        return switch (action) {
            case LIST -> words.length == 1 ? new Command.Group(action, null, null) : null;
            case INVITE -> words.length == 3 ? new Command.Group(action, words[1], words[2]) : null;
            default -> words.length == 2 ? new Command.Group(action, words[1], null) : null;
        };
    }

    private static Command edit(String rest) {
        String[] parts = rest.split("\\s+", 2 + TIMESTAMP_WORDS);
        if (parts.length < 2 + TIMESTAMP_WORDS || number(parts[0]) < 1 || parts[1 + TIMESTAMP_WORDS].isBlank()) {
            return null;
        }
        return new Command.Edit(number(parts[0]), join(parts, 1, 1 + TIMESTAMP_WORDS), parts[1 + TIMESTAMP_WORDS]);
    }

    private static Command message(Audience mode, String rest, boolean list) {
        String[] parts = rest.split("\\s+", 2);
        if (parts.length < 2 || parts[1].isBlank()) {
            return null;
        }
        List<String> names = list
                ? Arrays.stream(parts[0].split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()
                : List.of(parts[0]);
        return names.isEmpty() ? null : new Command.Send(mode, names, parts[1]);
    }

    /** The same shape as a message, with a file path where the text was. */
    private static Command file(Command parsed) {
        return parsed instanceof Command.Send send ? new Command.SendFile(send.mode(), send.names(), Path.of(send.text()))
                : null;
    }

    private static Command autoBeacon(String[] words) {
        if (words.length == 1 && words[0].equalsIgnoreCase("off")) {
            return new Command.AutoBeacon(List.of(), Duration.ZERO);
        }
        if (words.length != 2 || !(duration(words[1]) instanceof Command.WhoElseSince every)) {
            return null;
        }
        List<java.net.InetSocketAddress> peers = new java.util.ArrayList<>();
        for (String peer : words[0].split(",")) {
            try {
                peers.add(chatlab.p2p.impair.Units.hostPort(peer));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return new Command.AutoBeacon(peers, every.period());
    }

    private static int port(String word) {
        int port = number(word);
        return port >= 1 && port <= 65_535 ? port : -1;
    }

    private static Command duration(String word) {
        Matcher m = DURATION.matcher(word.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return null;
        }
        long amount = Long.parseLong(m.group(1));
        Duration period = switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> Duration.ofSeconds(amount);
        };
        return period.isZero() ? null : new Command.WhoElseSince(period);
    }

    private static Command help(String[] words) {
        if (words.length == 0) {
            return new Command.Help(null);
        }
        return words.length == 1 ? Verb.named(words[0]).<Command>map(Command.Help::new).orElse(null) : null;
    }

    private static int number(String word) {
        try {
            return Integer.parseInt(word);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String join(String[] words, int from, int to) {
        return String.join(" ", Arrays.copyOfRange(words, from, to));
    }
}
