package chatlab.gbn;

import chatlab.p2p.impair.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The CSC573 chat room's experiment, from the CSC573 report: one text file sent over UDP made
 * reliable with Go-Back-N, with windows 10 and 20, and to three receivers at once against three
 * one after another. It states the windows, the number of receivers and its times; everything
 * else is assumed here, and each assumption says so in the report and in docs/GBN-MODEL.md.
 */
final class Csc573 {
    static final String NAME = "csc573";
    static final String REPORT = "the CSC573 report";
    static final String COMMAND_LINE = "set on the command line";

    /** Their receivers' "Time taken", in seconds, by window (screenshots "window size ... as 20" and "as 10"). */
    static final SortedMap<Integer, List<Double>> THEIR_SECONDS = new TreeMap<>(Map.of(
            10, List.of(9.56680941581726, 4.9965901374816895),
            20, List.of(2.9012258052825928)));
    /** "Unicast user1 – t seconds ... Total time = 3t; Broadcast or Multicast (User1, User2, User3) Total time = t". */
    static final double THEIR_PARALLEL_T = 1;
    static final double THEIR_SEQUENTIAL_T = 3;
    static final int THEIR_RECEIVERS = 3;
    static final List<Integer> THEIR_WINDOWS = List.of(10, 20);

    /** The options a replay takes from {@code ./lab gbn}; the others do not apply to it. */
    static final List<String> OPTIONS = List.of("--file-size", "--chunk", "--rate", "--delays", "--losses", "--timeout",
            "--repeats", "--seed");

    static final long FILE_BYTES = 150 * 1024;
    static final int CHUNK_BYTES = 1024;
    static final int FAN_OUT_WINDOW = 10;
    static final long RATE = 100_000_000;
    static final double DELAY_MS = 1;
    static final int REPEATS = 10;

    private Csc573() {
    }

    /**
     * The replay's parameters: the report's, the assumptions where it states none, and any of
     * {@link #OPTIONS} given on the command line (option name to its text), which win.
     */
    static ReplaySetup setup(Map<String, String> given) {
        for (String option : given.keySet()) {
            if (!OPTIONS.contains(option)) {
                throw new IllegalArgumentException(option + " does not apply to --replicate " + NAME + "; it takes "
                        + String.join(", ", OPTIONS));
            }
        }
        List<ReplaySetup.Parameter> parameters = new ArrayList<>();
        long fileBytes = given.containsKey("--file-size")
                ? parse("--file-size", () -> Units.bytes(given.get("--file-size"), "file-size")) : FILE_BYTES;
        parameters.add(parameter("file", String.format(Locale.ROOT, "%,d bytes of seeded text", fileBytes),
                given.containsKey("--file-size"), "assumed: the report sends alice.txt but gives no size; 150 KiB is "
                        + "about the size of the plain text of Alice's Adventures in Wonderland"));
        int chunk = given.containsKey("--chunk") ? integer(given.get("--chunk"), "--chunk") : CHUNK_BYTES;
        parameters.add(parameter("chunk", chunk + " bytes a datagram", given.containsKey("--chunk"),
                "assumed: not stated; the lab's default"));
        parameters.add(new ReplaySetup.Parameter("windows", "10 and 20", REPORT));
        parameters.add(new ReplaySetup.Parameter("receivers", THEIR_RECEIVERS + ", in parallel and one after another",
                REPORT));
        parameters.add(new ReplaySetup.Parameter("window of the three-receiver runs", Integer.toString(FAN_OUT_WINDOW),
                "assumed: not stated; its multicast and broadcast screenshots were taken after its window-10 runs (by "
                        + "the Unix times in the saved file names)"));
        long rate = given.containsKey("--rate") ? parse("--rate", () -> Units.bitsPerSecond(given.get("--rate"), "rate")) : RATE;
        parameters.add(parameter("link rate", GbnCharts.mbit(rate), given.containsKey("--rate"),
                "assumed: \"all the devices are connected to the same local network\"; a 100 Mbit/s LAN"));
        double delayMs = given.containsKey("--delays") ? parse("--delays",
                () -> Units.duration(single(given.get("--delays"), "--delays")).toNanos() / 1e6) : DELAY_MS;
        parameters.add(parameter("one-way delay", SweepPoint.trim(delayMs) + " ms", given.containsKey("--delays"),
                "assumed: not stated; a LAN over Wi-Fi (on a wired LAN's 0.1 ms, both windows fill the pipe)"));
        double loss = given.containsKey("--losses") ? number(single(given.get("--losses"), "--losses"), "--losses") : 0;
        parameters.add(parameter("loss", GbnCharts.pct(loss), given.containsKey("--losses"),
                "assumed: not stated; a local network loses next to nothing"));
        Double timeoutMs = given.containsKey("--timeout")
                ? parse("--timeout", () -> Units.duration(given.get("--timeout")).toNanos() / 1e6) : null;
        parameters.add(parameter("retransmission timeout", timeoutMs == null ? "adaptive (RFC 6298)"
                : SweepPoint.trim(timeoutMs) + " ms, fixed", given.containsKey("--timeout"),
                "assumed: not stated; the lab's adaptive timer"));
        parameters.add(new ReplaySetup.Parameter("link of the three-receiver runs", "one, shared: the sender's",
                "assumed: one sending machine, one network interface; chatlab's client, too, sends every file through "
                        + "its one UDP socket"));
        int repeats = given.containsKey("--repeats") ? integer(given.get("--repeats"), "--repeats") : REPEATS;
        long seed = given.containsKey("--seed") ? longValue(given.get("--seed"), "--seed") : 1;
        return new ReplaySetup(NAME, fileBytes, chunk, THEIR_WINDOWS, FAN_OUT_WINDOW, THEIR_RECEIVERS, rate, delayMs, loss,
                timeoutMs, repeats, seed, parameters);
    }

    /** Their mean time at a window, in seconds. */
    static double theirMean(int window) {
        return THEIR_SECONDS.get(window).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    private static ReplaySetup.Parameter parameter(String name, String value, boolean given, String assumption) {
        return new ReplaySetup.Parameter(name, value, given ? COMMAND_LINE : assumption);
    }

    /** Reads an option's value, and names the option when it is wrong. */
    private static <T> T parse(String option, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().startsWith(option) ? e.getMessage()
                    : option + ": " + e.getMessage(), e);
        }
    }

    private static String single(String text, String option) {
        if (text.contains(",")) {
            throw new IllegalArgumentException(option + " takes one value with --replicate " + NAME + ", not '" + text + "'");
        }
        return text.strip();
    }

    private static int integer(String text, String option) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a whole number, not '" + text + "'");
        }
    }

    private static long longValue(String text, String option) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a whole number, not '" + text + "'");
        }
    }

    private static double number(String text, String option) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a number, not '" + text + "'");
        }
    }
}
