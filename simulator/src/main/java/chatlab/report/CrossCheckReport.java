package chatlab.report;

import chatlab.lab.Json;
import chatlab.lab.Machine;
import chatlab.metrics.Results;
import chatlab.metrics.Series;
import chatlab.run.SimRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The report of {@code ./lab crosscheck}: the same offered load against mosquitto (MQTT) or
 * ejabberd (XMPP) from the lab's simulator (its run in {@code chatlab/}) and from Tsung ({@code
 * tsung/}), their throughput and mean latencies side by side (send to acknowledgement; over XMPP
 * also send to delivery), whether they agree within {@link #TOLERANCE}, and each load
 * generator's own cost: its cores, its resident memory, users per GiB and messages a second per
 * core.
 */
public final class CrossCheckReport {
    public static final String FILE = "crosscheck.json";
    /** Tsung's CPU and memory, sampled from outside. */
    public static final String TSUNG_STATS = "tsung-stats.jsonl";
    /** How far apart the two tools' figures may be and still agree. */
    static final double TOLERANCE = 0.10;

    /**
     * What Tsung measured over the dumps in the measured window: its seconds, messages sent and
     * delivered a second, the mean time from a send to the server's answer (ms: MQTT's PUBACK,
     * or the answer to the ping behind an XMPP message) and how many that mean is of; when it was
     * started (epoch ms); and over XMPP the mean time from send to delivery of the deliveries it
     * timed (null over MQTT, where Tsung 1.7.0 does not time them). Over XMPP the deliveries a
     * second are those Tsung timed, at most one per read from a socket, not all of them.
     */
    public record Tsung(int users, double seconds, double publishedPerSecond, double deliveredPerSecond, double sendMeanMs,
            long sends, long startedMillis, Double deliverMeanMs) {
    }

    /**
     * The cross-check's {@code crosscheck.json}: the scenario's load as Tsung was given it, the
     * server both drove ({@code --server}'s name; null in cross-checks from before it was
     * chosen, which drove mosquitto), and Tsung's figures.
     */
    public record CrossCheck(String id, String command, Machine machine, String started, String ended, String load,
            String server, Tsung tsung) {
        /** The server's name, mosquitto for a file written before it could be chosen. */
        public String serverName() {
            return server == null ? "mosquitto" : server;
        }

        boolean xmpp() {
            return "ejabberd".equals(serverName());
        }
    }

    private CrossCheckReport() {
    }

    /** One figure from both tools. */
    record Row(String what, double lab, double tsung, String unit, boolean judged) {
        double difference() {
            return tsung == 0 ? Double.NaN : (lab - tsung) / tsung;
        }

        boolean agrees() {
            return Math.abs(difference()) <= TOLERANCE;
        }
    }

    /** The rows, from the lab's run in {@code dir/chatlab} and Tsung's figures and stats in {@code dir/tsung}. */
    static List<Row> rows(Path dir, CrossCheck check) throws IOException {
        Path run = dir.resolve("chatlab");
        SimRun simRun = Json.read(run.resolve(SimRun.FILE), SimRun.class);
        Results results = Json.read(run.resolve(SimRun.RESULTS), Results.class);
        Series series = Json.read(run.resolve(SimRun.SERIES), Series.class);
        Tsung t = check.tsung();
        double from = series.warmUpSeconds();
        double to = series.loadEndSecond();
        Optional<ServerUse> lab = ProcessCharts.files(run, simRun).stream().filter(f -> f.process().startsWith("simulator"))
                .findFirst().flatMap(f -> ServerUse.over(f, from, to, results.throughput().deliveriesPerSecond(),
                        results.throughput().peakOnline()));
        // over XMPP Tsung times only some deliveries: its messages sent stand for its throughput
        double tsungRate = check.xmpp() ? t.publishedPerSecond() : t.deliveredPerSecond();
        Optional<ServerUse> tsung = Files.exists(dir.resolve("tsung").resolve(TSUNG_STATS))
                ? ServerUse.over(ProcessStatsFile.read("tsung", dir.resolve("tsung").resolve(TSUNG_STATS), t.startedMillis()),
                        from, to, tsungRate, t.users()) // the same window, from Tsung's start
                : Optional.empty();
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("messages sent a second", results.throughput().opsPerSecond(), t.publishedPerSecond(), "/s", true));
        if (check.xmpp()) {
            rows.add(new Row("deliveries a second (Tsung: those it timed)", results.throughput().deliveriesPerSecond(),
                    t.deliveredPerSecond(), "/s", false));
            rows.add(new Row("send to the answer to the ping behind it, mean", results.latency().get("send").mean(),
                    t.sendMeanMs(), "ms", true));
            rows.add(new Row("send to delivery, mean", results.latency().get("deliver").mean(),
                    t.deliverMeanMs() == null ? Double.NaN : t.deliverMeanMs(), "ms", true));
        } else {
            rows.add(new Row("deliveries a second", results.throughput().deliveriesPerSecond(), t.deliveredPerSecond(), "/s",
                    true));
            rows.add(new Row("send to acknowledgement, mean", results.latency().get("send").mean(), t.sendMeanMs(), "ms", true));
        }
        double labCores = lab.map(ServerUse::cores).orElse(Double.NaN);
        double tsungCores = tsung.map(ServerUse::cores).orElse(Double.NaN);
        rows.add(new Row("load generator's cores", labCores, tsungCores, "cores", false));
        if (check.xmpp()) {
            rows.add(new Row("messages sent a second per load-generator core", results.throughput().opsPerSecond() / labCores,
                    t.publishedPerSecond() / tsungCores, "/s", false));
        } else {
            rows.add(new Row("deliveries a second per load-generator core", results.throughput().deliveriesPerSecond() / labCores,
                    t.deliveredPerSecond() / tsungCores, "/s", false));
        }
        double labPeak = lab.map(u -> u.memory() == null ? Double.NaN : (double) u.memory().peakBytes()).orElse(Double.NaN);
        double tsungPeak = tsung.map(u -> u.memory() == null ? Double.NaN : (double) u.memory().peakBytes()).orElse(Double.NaN);
        rows.add(new Row("load generator's resident memory at most", labPeak / 1048576, tsungPeak / 1048576, "MiB", false));
        rows.add(new Row("simulated users per GiB of it", t.users() / (labPeak / (1 << 30)), t.users() / (tsungPeak / (1 << 30)),
                "", false));
        return rows;
    }

    /** Builds {@code index.html} and {@code summary.md} in {@code dir}; returns whether every judged figure agrees. */
    public static boolean build(Path dir) throws IOException {
        CrossCheck check = Json.read(dir.resolve(FILE), CrossCheck.class);
        List<Row> rows = rows(dir, check);
        boolean agree = rows.stream().filter(Row::judged).allMatch(Row::agrees);
        List<List<String>> table = new ArrayList<>();
        table.add(List.of("figure", "chatlab's simulator", "Tsung 1.7.0", "difference", "agrees within 10%"));
        for (Row r : rows) {
            table.add(List.of(r.what(), value(r.lab(), r.unit()), value(r.tsung(), r.unit()),
                    Double.isNaN(r.difference()) ? "-" : String.format(Locale.ROOT, "%+.1f%%", 100 * r.difference()),
                    r.judged() ? (r.agrees() ? "yes" : "no") : "not judged"));
        }
        String verdict = agree ? "The two load generators agree within 10% on every figure judged."
                : "The two load generators differ by more than 10% on "
                        + String.join(", ", rows.stream().filter(r -> r.judged() && !r.agrees()).map(Row::what).toList())
                        + ": see why below.";
        List<String> why = check.xmpp() ? XMPP_WHY : MQTT_WHY;
        Html page = new Html("Cross-check " + check.id());
        page.heading(1, "Cross-check " + check.id() + ": the lab against Tsung");
        page.paragraph("Command: <code>" + Html.escape(check.command()) + "</code>");
        page.paragraph("Machine: " + Html.escape(check.machine().describe()) + ". Started " + Html.escape(check.started())
                + (check.ended() == null ? ", not finished" : ", finished " + Html.escape(check.ended())) + ".");
        page.paragraph("The same offered load (" + Html.escape(check.load()) + ") against a fresh "
                + Html.escape(check.serverName()) + ", once from "
                + "chatlab's simulator (its run is in <code>chatlab/</code>) and once from Tsung (<code>tsung/</code>).");
        page.table(table);
        page.paragraph(Html.escape(verdict));
        page.heading(2, "Why the figures may differ");
        page.list(why.stream().map(Html::escape).toList());
        Files.writeString(dir.resolve("index.html"), page.render());
        StringBuilder md = new StringBuilder("# Cross-check " + check.id() + ": the lab against Tsung\n\n");
        md.append("Command: `").append(check.command()).append("`\n\nMachine: ").append(check.machine().describe())
                .append("\n\nLoad: ").append(check.load()).append("\n\n| ")
                .append(String.join(" | ", table.getFirst())).append(" |\n|").append("---|".repeat(table.getFirst().size()))
                .append('\n');
        table.stream().skip(1).forEach(r -> md.append("| ").append(String.join(" | ", r)).append(" |\n"));
        md.append('\n').append(verdict).append("\n\nWhy the figures may differ:\n\n");
        why.forEach(w -> md.append("- ").append(w).append('\n'));
        Files.writeString(dir.resolve("summary.md"), md.toString());
        return agree;
    }

    private static final String RECORDS = "The lab records every operation and delivery in its history and checks them "
            + "after; Tsung counts. The lab's cost per delivery includes that history.";
    private static final String SHARED = "Both share the machine's cores with the server, one after the other: runs on a "
            + "shared machine move by 10-25% from one to the next.";

    private static final List<String> MQTT_WHY = List.of(
            "Each user is one MQTT 5 connection in the lab (HiveMQ's client: publishing and subscribed on it) and two "
                    + "MQTT 3.1.1 connections in Tsung (a publisher and a subscriber), as Tsung's MQTT plugin cannot "
                    + "acknowledge a message that arrives while it waits for the acknowledgement of its own.",
            "The lab's messages carry the sender and the way of sending as MQTT 5 user properties and a text the size "
                    + "of the scenario's messageSize; Tsung's carry a payload of that size alone.",
            RECORDS,
            "Send latency is from the request to the broker's acknowledgement in both; Tsung 1.7.0 gives only its "
                    + "mean (no percentiles, and no time from publish to delivery), so the mean is what is compared. The "
                    + "lab times it as a simulated user sees it: from its call into the MQTT client library to the "
                    + "answer reaching the user's thread, through HiveMQ's pipeline, a hand-off between threads and "
                    + "a wait for the simulator's carrier thread (one, when the lab runs a server beside it); "
                    + "Tsung times it inside its own process, from its write to its parse of the PUBACK. At a light load "
                    + "that difference, about a millisecond, is most of the lab's figure.",
            SHARED);

    private static final List<String> XMPP_WHY = List.of(
            "Each user is one XMPP connection in the lab (Smack's client: it sends and receives on it) and two in Tsung: "
                    + "a receiver account (uN), available, and a sender account (sN) that sends no presence, so nothing "
                    + "is routed to it, as Tsung 1.7.0 times a delivery only when it arrives at a session that is idle.",
            "XMPP acknowledges no message: both send each message with a ping of the server behind it (XEP-0199) and "
                    + "count it sent when the ping's answer comes. Tsung writes the two at once (its own chat request "
                    + "and a second request for the ping would be two writes, and Nagle's algorithm, which Tsung 1.7.0 "
                    + "cannot turn off, would hold the ping back about 40 ms for the server's delayed acknowledgement).",
            "Tsung times a delivery from the stamp its sender put in the message (its node and the time) to the "
                    + "receiver's parse of it, and reads one stamp in each read from the socket: under load, messages "
                    + "that arrive together are timed once, so its count of deliveries is not judged, and its mean is "
                    + "that of the first message of each read. Tsung 1.7.0 gives means only, no percentiles.",
            RECORDS,
            "The lab times sends and deliveries as a simulated user sees them: from its call into Smack to the answer "
                    + "or the message reaching the user's thread, through Smack's reader and a hand-off between threads; "
                    + "Tsung inside its own process, from its write to its parse.",
            SHARED);

    private static String value(double v, String unit) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "not measured";
        }
        return switch (unit) {
            case "ms" -> String.format(Locale.ROOT, "%.2f ms", v);
            case "cores" -> String.format(Locale.ROOT, "%.2f", v);
            case "MiB" -> String.format(Locale.ROOT, "%,.0f MiB", v);
            default -> String.format(Locale.ROOT, "%,.0f%s", v, unit);
        };
    }
}
