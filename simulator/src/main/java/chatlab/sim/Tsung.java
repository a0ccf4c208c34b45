package chatlab.sim;

import chatlab.driver.PeerServer;
import chatlab.driver.mqtt.Mosquitto;
import chatlab.lab.PidStats;
import chatlab.lab.Progress;
import chatlab.report.CrossCheckReport;
import chatlab.workload.Behaviour;
import chatlab.workload.GroupSpec;
import chatlab.workload.LoadModel;
import chatlab.workload.Scenario;
import chatlab.workload.ThinkTime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Tsung (Debian's package {@code tsung}, 1.7.0) offering a mosquitto the lab starts the load of a
 * scenario's unicast group, for cross-checking the lab's own figures against an established load
 * tool. Each user is two MQTT 3.1.1 sessions in Tsung, as its MQTT plugin cannot acknowledge a
 * message that arrives while it waits for the acknowledgement of its own publish: a subscriber of
 * the user's topic, and a publisher that sends QoS 1 messages of the group's size to a random
 * user's topic, waits for the broker's PUBACK, then thinks for the group's think time (constant,
 * or exponential with its mean, as Tsung's own random think times are). Tsung is told to dump its
 * counters every {@link #DUMP_SECONDS} s into {@code tsung.log} (10 by default); the figures are read
 * from the dumps that fall wholly in the scenario's measured window (after its warm-up).
 */
public final class Tsung {
    /** How often Tsung is told to dump its statistics. */
    static final int DUMP_SECONDS = 2;
    private static final Duration START = Duration.ofSeconds(30);

    /** What Tsung is asked for, taken from a scenario. */
    public record Load(int users, Duration think, boolean exponential, Duration rampUp, Duration warmUp, Duration duration,
            int messageSize) {
        /**
         * The load of {@code scenario}'s one group; throws with the reason when the scenario is not
         * one Tsung's side is written for.
         */
        public static Load of(Scenario scenario) {
            List<String> why = new ArrayList<>();
            if (scenario.groups().size() != 1) {
                why.add("it has " + scenario.groups().size() + " groups, not one");
            }
            GroupSpec g = scenario.groups().getFirst();
            if (!g.mix().weights().keySet().equals(java.util.Set.of(Behaviour.UNICAST))) {
                why.add("group " + g.name() + " does more than send unicast messages");
            }
            if (!(g.model() instanceof LoadModel.Closed)) {
                why.add("group " + g.name() + " is an open model; Tsung's users here wait for each answer");
            }
            Duration think;
            boolean exponential;
            switch (g.think()) {
                case ThinkTime.Constant c -> {
                    think = c.pause();
                    exponential = false;
                }
                case ThinkTime.Exponential e -> {
                    think = e.mean();
                    exponential = true;
                }
                default -> {
                    think = Duration.ZERO;
                    exponential = false;
                    why.add("group " + g.name() + " thinks " + g.think() + "; Tsung's side takes a constant or an "
                            + "exponential think time");
                }
            }
            if (!scenario.nemesis().isEmpty() || !g.toxics().isEmpty()) {
                why.add("it has faults; the cross-check runs without them");
            }
            if (!why.isEmpty()) {
                throw new IllegalArgumentException("scenario " + scenario.name() + " cannot be cross-checked with Tsung: "
                        + String.join("; ", why));
            }
            return new Load(g.users(), think, exponential, g.rampUp(), scenario.warmUp(), scenario.duration(),
                    g.messageSize());
        }
    }

    private Tsung() {
    }

    /** Whether Tsung is installed. */
    public static boolean installed() {
        return Files.isExecutable(Path.of("/usr/bin/tsung"));
    }

    /** Tsung's configuration for {@code load} against a broker on {@code port}, its subscribers' numbers in {@code ids}. */
    static String config(Load load, int port, Path ids) {
        long seconds = load.warmUp().toSeconds() + load.duration().toSeconds() + DUMP_SECONDS;
        // the publishers arrive over the ramp (at least a second): Tsung starts users at a rate, a
        // Poisson process, so the phase runs long enough for the last of them and ends at maxnumber
        double rampSeconds = Math.max(1, load.rampUp().toMillis() / 1000.0);
        long phaseSeconds = (long) Math.ceil(3 * rampSeconds) + 2;
        String subscribers = IntStream.range(0, load.users())
                // a millisecond apart, in whole milliseconds: Tsung 1.7.0 starts none given fractions of a second
                .mapToObj(i -> "    <user session=\"sub\" start_time=\"" + i + "\" unit=\"millisecond\"/>")
                .collect(Collectors.joining("\n"));
        String payload = "x".repeat(Math.max(1, load.messageSize()));
        return """
                <?xml version="1.0"?>
                <!DOCTYPE tsung SYSTEM "/usr/share/tsung/tsung-1.0.dtd">
                <!-- written by ./lab crosscheck: %d users, think %s%s -->
                <tsung loglevel="notice" version="1.0">
                  <clients>
                    <client host="localhost" use_controller_vm="true" maxusers="1000000"/>
                  </clients>
                  <servers>
                    <server host="127.0.0.1" port="%d" type="tcp"/>
                  </servers>
                  <load duration="%d" unit="second">
                %s
                    <arrivalphase phase="1" duration="%d" unit="second">
                      <users maxnumber="%d" arrivalrate="%.3f" unit="second"/>
                    </arrivalphase>
                  </load>
                  <options>
                    <option name="file_server" id="subscribers" value="%s"/>
                  </options>
                  <sessions>
                    <session name="pub" probability="100" type="ts_mqtt">
                      <request><mqtt type="connect" clean_start="true" keepalive="60"/></request>
                      <for from="1" to="100000000" incr="1" var="i">
                        <setdynvars sourcetype="random_number" start="1" end="%d"><var name="to"/></setdynvars>
                        <transaction name="pub">
                          <request subst="true"><mqtt type="publish" topic="chatlab/u/%%%%_to%%%%" qos="1">%s</mqtt></request>
                        </transaction>
                        <thinktime value="%.3f" random="%s"/>
                      </for>
                    </session>
                    <session name="sub" probability="0" type="ts_mqtt">
                      <setdynvars sourcetype="file" fileid="subscribers" delimiter=";" order="iter"><var name="me"/></setdynvars>
                      <request><mqtt type="connect" clean_start="true" keepalive="60"/></request>
                      <request subst="true"><mqtt type="subscribe" topic="chatlab/u/%%%%_me%%%%" qos="1"/></request>
                      <request><mqtt type="waitForMessages" timeout="%d"/></request>
                    </session>
                  </sessions>
                </tsung>
                """.formatted(load.users(), load.think(), load.exponential() ? " (exponential)" : "", port, seconds,
                subscribers, phaseSeconds, load.users(), load.users() / rampSeconds, ids, load.users(),
                payload, load.think().toNanos() / 1e9, load.exponential(), seconds + 10);
    }

    /**
     * Runs Tsung with {@code load} against a fresh mosquitto in {@code dir}, sampling Tsung's own
     * CPU and memory into {@code tsung-stats.jsonl}, and returns what it measured.
     */
    public static CrossCheckReport.Tsung run(Load load, Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path ids = Files.writeString(dir.resolve("subscribers.csv"),
                IntStream.rangeClosed(1, load.users()).mapToObj(Integer::toString).collect(Collectors.joining("\n", "", "\n")));
        try (PeerServer broker = PeerServer.start(Mosquitto.PROGRAM, dir)) {
            Path config = Files.writeString(dir.resolve("tsung.xml"), config(load, broker.address().getPort(), ids.toAbsolutePath()));
            Path logs = dir.resolve("logs");
            ProcessBuilder pb = new ProcessBuilder("tsung", "-n", "-I", "127.0.0.1", "-l", logs.toAbsolutePath().toString(),
                    "-f", config.toAbsolutePath().toString(), "start").redirectErrorStream(true)
                    .redirectOutput(dir.resolve("tsung.out").toFile());
            pb.environment().put("ERL_EPMD_ADDRESS", "127.0.0.1"); // its epmd on loopback only
            // its launcher sets the VM's options itself; erl adds these, the controller's dump interval
            pb.environment().put("ERL_FLAGS", "-tsung_controller dumpstats_interval " + DUMP_SECONDS * 1000);
            long started = System.currentTimeMillis();
            Process tsung = pb.start();
            long seconds = load.warmUp().toSeconds() + load.duration().toSeconds() + DUMP_SECONDS;
            try (PidStats stats = PidStats.start(dir.resolve(CrossCheckReport.TSUNG_STATS), () -> beam(tsung),
                    Duration.ofSeconds(1)); Progress progress = new Progress("Tsung", seconds, "s", 1)) {
                long deadline = System.nanoTime() + Duration.ofSeconds(seconds).plus(START).toNanos();
                while (!tsung.waitFor(1, java.util.concurrent.TimeUnit.SECONDS)) {
                    progress.stepTo(Math.min(seconds, (System.currentTimeMillis() - started) / 1000), "against mosquitto");
                    if (System.nanoTime() > deadline) {
                        tsung.descendants().forEach(ProcessHandle::destroyForcibly);
                        tsung.destroyForcibly();
                        throw new IOException("Tsung did not finish within " + (seconds + START.toSeconds()) + " s; see "
                                + dir.resolve("tsung.out"));
                    }
                }
            }
            Path log;
            try (var found = Files.find(logs, 2, (p, a) -> p.getFileName().toString().equals("tsung.log"))) {
                log = found.findFirst().orElseThrow(() -> new IOException("Tsung wrote no tsung.log (exit "
                        + tsung.exitValue() + "); see " + dir.resolve("tsung.out")));
            }
            return measure(Files.readAllLines(log), load, started);
        }
    }

    /** Tsung's Erlang VM under its launcher, whose CPU and memory are the load generator's; the launcher while it has none. */
    private static long beam(Process tsung) {
        return tsung.descendants().filter(p -> p.info().command().map(c -> c.contains("beam")).orElse(false))
                .mapToLong(ProcessHandle::pid).findFirst().orElse(tsung.pid());
    }

    /** One dump of Tsung's statistics: when, and each counter's or sample's count in the interval (and a sample's mean). */
    record Dump(long epochSecond, Map<String, double[]> values) {
    }

    static List<Dump> dumps(List<String> lines) {
        List<Dump> dumps = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("# stats: dump at ")) {
                dumps.add(new Dump(Long.parseLong(line.substring("# stats: dump at ".length()).strip()), new TreeMap<>()));
            } else if (line.startsWith("stats: ") && !dumps.isEmpty() && !line.startsWith("stats: {")) {
                String[] f = line.substring("stats: ".length()).strip().split("\\s+");
                double count = Double.parseDouble(f[1]);
                double mean = f.length >= 8 ? Double.parseDouble(f[2]) : Double.NaN;
                dumps.getLast().values().put(f[0], new double[] {count, mean});
            }
        }
        return dumps;
    }

    /**
     * The figures over the dumps whose whole interval lies in the measured window: the load
     * began when Tsung was started (it spends a second or two booting, inside the warm-up).
     */
    static CrossCheckReport.Tsung measure(List<String> lines, Load load, long startedMillis) {
        long from = startedMillis / 1000 + load.warmUp().toSeconds();
        long to = from + load.duration().toSeconds();
        List<Dump> all = dumps(lines);
        long published = 0;
        long delivered = 0;
        long pubacks = 0;
        double latencySum = 0;
        long first = -1;
        long last = -1;
        for (int i = 1; i < all.size(); i++) {
            Dump previous = all.get(i - 1);
            Dump d = all.get(i);
            if (previous.epochSecond() < from || d.epochSecond() > to) {
                continue;
            }
            first = first < 0 ? previous.epochSecond() : first;
            last = d.epochSecond();
            published += (long) d.values().getOrDefault("mqtt_published", new double[] {0})[0];
            delivered += (long) d.values().getOrDefault("mqtt_server_published", new double[] {0})[0];
            double[] pub = d.values().getOrDefault("tr_pub", new double[] {0, 0});
            pubacks += (long) pub[0];
            latencySum += pub[0] * (Double.isNaN(pub[1]) ? 0 : pub[1]);
        }
        double seconds = last - first;
        if (seconds <= 0) {
            return new CrossCheckReport.Tsung(load.users(), 0, 0, 0, Double.NaN, 0, startedMillis);
        }
        return new CrossCheckReport.Tsung(load.users(), seconds, published / seconds, delivered / seconds,
                pubacks == 0 ? Double.NaN : latencySum / pubacks, pubacks, startedMillis);
    }
}
