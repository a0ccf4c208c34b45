package chatlab.sim;

import chatlab.driver.PeerServer;
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
 * Tsung (Debian's package {@code tsung}, 1.7.0) offering a server the lab starts the load of a
 * scenario's unicast group, for cross-checking the lab's own figures against an established load
 * tool; its side is written for two servers ({@link Target}). Each user is two sessions in Tsung:
 * one that sends and one that receives.
 *
 * <p><b>mosquitto (MQTT 3.1.1)</b>: a subscriber of the user's topic, and a publisher that sends
 * QoS 1 messages of the group's size to a random user's topic and waits for the broker's PUBACK,
 * as Tsung's MQTT plugin cannot acknowledge a message that arrives while it waits for the
 * acknowledgement of its own publish.
 *
 * <p><b>ejabberd (XMPP)</b>: a receiver account {@code uN}, available, and a sender account {@code
 * sN} that sends no presence (so nothing is routed to it), both registered in-band by Tsung. A
 * sender writes a chat message to a random receiver and a ping of the server behind it
 * (XEP-0199) in one write, and counts the message sent when the ping's answer comes, as the
 * lab's XMPP driver does (XMPP acknowledges no message). The message carries Tsung's stamp (its
 * node and the time), from which a receiver idle between messages times the delivery
 * ({@code xmpp_msg_latency}). The two are written raw, as Tsung's own chat request and a second
 * request for the ping would be two writes, and Nagle's algorithm (Tsung 1.7.0 cannot turn it
 * off) holds the second back for the server's delayed acknowledgement, about 40 ms.
 *
 * <p>Either way a session thinks for the group's think time (constant, or exponential with its
 * mean, as Tsung's own random think times are) after each answer. Tsung is told to dump its
 * counters every {@link #DUMP_SECONDS} s into {@code tsung.log} (10 by default); the figures are
 * read from the dumps that fall wholly in the scenario's measured window (after its warm-up).
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

    /**
     * The servers Tsung's side is written for, what it speaks to each, and the names of Tsung's
     * counters for the messages sent, the deliveries, and the transaction from a send to its
     * answer; and whether Tsung times deliveries (from a stamp in the message) or only counts them.
     */
    public enum Target {
        /** Publishes, messages the broker published to subscribers, publish to PUBACK. */
        MOSQUITTO(ServerKind.MOSQUITTO, "MQTT 3.1.1", "mqtt_published", "mqtt_server_published", "tr_pub", false),
        /** Chat messages with their ping, deliveries Tsung timed, message to the ping's answer. */
        EJABBERD(ServerKind.EJABBERD, "XMPP", "tr_chat", "xmpp_msg_latency", "tr_chat", true);

        private final ServerKind server;
        private final String protocol;
        private final String sent;
        private final String delivered;
        private final String send;
        private final boolean timesDeliveries;

        Target(ServerKind server, String protocol, String sent, String delivered, String send, boolean timesDeliveries) {
            this.server = server;
            this.protocol = protocol;
            this.sent = sent;
            this.delivered = delivered;
            this.send = send;
            this.timesDeliveries = timesDeliveries;
        }

        public ServerKind server() {
            return server;
        }

        /** The protocol Tsung speaks to it. */
        public String protocol() {
            return protocol;
        }

        /** The target for {@code --server NAME}; throws naming the ones there are. */
        public static Target of(String name) {
            ServerKind kind = ServerKind.parse(name);
            for (Target t : values()) {
                if (t.server == kind) {
                    return t;
                }
            }
            throw new IllegalArgumentException("Tsung's side is written for " + java.util.Arrays.stream(values())
                    .map(t -> t.server.key()).collect(Collectors.joining(" and ")) + ", not " + kind.key());
        }
    }

    private Tsung() {
    }

    /** Whether Tsung is installed. */
    public static boolean installed() {
        return Files.isExecutable(Path.of("/usr/bin/tsung"));
    }

    /**
     * Tsung's configuration for {@code load} against {@code target} on {@code port}, with the
     * files of user numbers and accounts it reads in {@code dir}.
     */
    static String config(Load load, Target target, int port, Path dir) {
        return switch (target) {
            case MOSQUITTO -> mqttConfig(load, port, dir.resolve(SUBSCRIBERS));
            case EJABBERD -> xmppConfig(load, port, dir.resolve(RECEIVERS), dir.resolve(SENDERS));
        };
    }

    /** The numbers of the users, one a line (MQTT's topics). */
    static final String SUBSCRIBERS = "subscribers.csv";
    /** The XMPP receivers' accounts ({@code uN;pwN}). */
    static final String RECEIVERS = "receivers.csv";
    /** The XMPP senders' accounts ({@code sN;pwN}). */
    static final String SENDERS = "senders.csv";

    /** Writes the files {@link #config} reads for {@code target} into {@code dir}. */
    static void writeUserFiles(Load load, Target target, Path dir) throws IOException {
        switch (target) {
            case MOSQUITTO -> Files.writeString(dir.resolve(SUBSCRIBERS), users(load, i -> Integer.toString(i)));
            case EJABBERD -> {
                Files.writeString(dir.resolve(RECEIVERS), users(load, i -> "u" + i + ";pw" + i));
                Files.writeString(dir.resolve(SENDERS), users(load, i -> "s" + i + ";pw" + i));
            }
        }
    }

    /** A line for each of the load's users, numbered from 1. */
    private static String users(Load load, java.util.function.IntFunction<String> line) {
        return IntStream.rangeClosed(1, load.users()).mapToObj(line).collect(Collectors.joining("\n", "", "\n"));
    }

    /** The seconds Tsung runs: the warm-up, the measured time and one more dump. */
    private static long seconds(Load load) {
        return load.warmUp().toSeconds() + load.duration().toSeconds() + DUMP_SECONDS;
    }

    /** The publishers' arrival phase: over the ramp (at least a second), long enough for the last of them. */
    private static String arrivalPhase(Load load) {
        // Tsung starts users at a rate, a Poisson process, so the phase runs long enough for the
        // last of them and ends at maxnumber
        double rampSeconds = Math.max(1, load.rampUp().toMillis() / 1000.0);
        long phaseSeconds = (long) Math.ceil(3 * rampSeconds) + 2;
        return String.format(Locale.ROOT, """
                    <arrivalphase phase="1" duration="%d" unit="second">
                      <users maxnumber="%d" arrivalrate="%.3f" unit="second"/>
                    </arrivalphase>""", phaseSeconds, load.users(), load.users() / rampSeconds);
    }

    /** The receiving sessions, a millisecond apart (Tsung 1.7.0 starts none given fractions of a second). */
    private static String staticUsers(Load load, String session) {
        return IntStream.range(0, load.users())
                .mapToObj(i -> "    <user session=\"" + session + "\" start_time=\"" + i + "\" unit=\"millisecond\"/>")
                .collect(Collectors.joining("\n"));
    }

    private static String thinkTime(Load load) {
        return String.format(Locale.ROOT, "<thinktime value=\"%.3f\" random=\"%s\"/>", load.think().toNanos() / 1e9,
                load.exponential());
    }

    /** A whole configuration: {@code receivers} start first, the senders arrive over the ramp. */
    private static String document(Load load, Target target, int port, String receivers, String options, String sessions) {
        return """
                <?xml version="1.0"?>
                <!DOCTYPE tsung SYSTEM "/usr/share/tsung/tsung-1.0.dtd">
                <!-- written by ./lab crosscheck: %d users, think %s%s, against %s (%s) -->
                <tsung loglevel="notice" version="1.0">
                  <clients>
                    <client host="localhost" use_controller_vm="true" maxusers="1000000"/>
                  </clients>
                  <servers>
                    <server host="127.0.0.1" port="%d" type="tcp"/>
                  </servers>
                  <load duration="%d" unit="second">
                %s
                %s
                  </load>
                  <options>
                %s
                  </options>
                  <sessions>
                %s
                  </sessions>
                </tsung>
                """.formatted(load.users(), load.think(), load.exponential() ? " (exponential)" : "", target.server().key(),
                target.protocol(), port, seconds(load), staticUsers(load, receivers), arrivalPhase(load), options, sessions);
    }

    /** Tsung's MQTT configuration for {@code load} against a broker on {@code port}, its subscribers' numbers in {@code ids}. */
    static String mqttConfig(Load load, int port, Path ids) {
        String payload = "x".repeat(Math.max(1, load.messageSize()));
        String options = "    <option name=\"file_server\" id=\"subscribers\" value=\"" + ids + "\"/>";
        String sessions = """
                    <session name="pub" probability="100" type="ts_mqtt">
                      <request><mqtt type="connect" clean_start="true" keepalive="60"/></request>
                      <for from="1" to="100000000" incr="1" var="i">
                        <setdynvars sourcetype="random_number" start="1" end="%d"><var name="to"/></setdynvars>
                        <transaction name="pub">
                          <request subst="true"><mqtt type="publish" topic="chatlab/u/%%%%_to%%%%" qos="1">%s</mqtt></request>
                        </transaction>
                        %s
                      </for>
                    </session>
                    <session name="sub" probability="0" type="ts_mqtt">
                      <setdynvars sourcetype="file" fileid="subscribers" delimiter=";" order="iter"><var name="me"/></setdynvars>
                      <request><mqtt type="connect" clean_start="true" keepalive="60"/></request>
                      <request subst="true"><mqtt type="subscribe" topic="chatlab/u/%%%%_me%%%%" qos="1"/></request>
                      <request><mqtt type="waitForMessages" timeout="%d"/></request>
                    </session>""".formatted(load.users(), payload, thinkTime(load), seconds(load) + 10);
        return document(load, Target.MOSQUITTO, port, "sub", options, sessions);
    }

    /**
     * Tsung's XMPP configuration for {@code load} against a server on {@code port} whose domain is
     * {@code localhost}, the receivers' and senders' accounts in those files.
     */
    static String xmppConfig(Load load, int port, Path receivers, Path senders) {
        // Tsung's stamp, as its own chat request writes it: the node's hash, then the time
        String stamp = "fun(_) -&gt; {M, S, U} = erlang:timestamp(), lists:flatten(io_lib:format("
                + "&quot;@@@~b,~b;~b;~b@@@&quot;, [erlang:phash2(node()), M, S, U])) end.";
        // the stamp is about 36 characters; the rest of the body pads the message to the group's size
        String padding = "x".repeat(Math.max(1, load.messageSize() - 36));
        String options = """
                    <option type="ts_jabber" name="domain" value="localhost"/>
                    <option type="ts_jabber" name="userid_max" value="0"/>
                    <option type="ts_jabber" name="fileid_delimiter" value=";"/>
                    <option name="file_server" id="receivers" value="%s"/>
                    <option name="file_server" id="senders" value="%s"/>""".formatted(receivers, senders);
        String login = """
                      <request subst="true"><jabber type="connect" ack="local"><xmpp_authenticate username="%%_user%%" passwd="%%_password%%"/></jabber></request>
                      <request><jabber type="register" ack="local" id="new"/></request>
                      <request><jabber type="auth_sasl" ack="local"/></request>
                      <request><jabber type="connect" ack="local"/></request>
                      <request><jabber type="auth_sasl_bind" ack="local"/></request>
                      <request><jabber type="auth_sasl_session" ack="local"/></request>""";
        String sessions = """
                    <session name="send" probability="100" type="ts_jabber">
                      <setdynvars sourcetype="file" fileid="senders" delimiter=";" order="iter"><var name="user"/><var name="password"/></setdynvars>
                %s
                      <for from="1" to="100000000" incr="1" var="i">
                        <setdynvars sourcetype="random_number" start="1" end="%d"><var name="to"/></setdynvars>
                        <setdynvars sourcetype="eval" code="%s"><var name="stamp"/></setdynvars>
                        <transaction name="chat">
                          <request subst="true"><jabber type="raw" ack="local" data="&lt;message id='m%%%%_i%%%%' to='u%%%%_to%%%%@localhost' type='chat'&gt;&lt;body&gt;%%%%_stamp%%%%%s&lt;/body&gt;&lt;/message&gt;&lt;iq type='get' id='p%%%%_i%%%%' to='localhost'&gt;&lt;ping xmlns='urn:xmpp:ping'/&gt;&lt;/iq&gt;"/></request>
                        </transaction>
                        %s
                      </for>
                    </session>
                    <session name="recv" probability="0" type="ts_jabber" bidi="true">
                      <setdynvars sourcetype="file" fileid="receivers" delimiter=";" order="iter"><var name="user"/><var name="password"/></setdynvars>
                %s
                      <request><jabber type="presence:initial" ack="no_ack"/></request>
                      <thinktime value="%d"/>
                      <request><jabber type="close" ack="no_ack"/></request>
                    </session>""".formatted(login, load.users(), stamp, padding, thinkTime(load), login, seconds(load) + 10);
        return document(load, Target.EJABBERD, port, "recv", options, sessions);
    }

    /**
     * Runs Tsung with {@code load} against a fresh {@code target} in {@code dir}, sampling Tsung's
     * own CPU and memory into {@code tsung-stats.jsonl}, and returns what it measured.
     */
    public static CrossCheckReport.Tsung run(Load load, Target target, Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        writeUserFiles(load, target, dir);
        try (PeerServer server = PeerServer.start(target.server().program(), dir)) {
            Path config = Files.writeString(dir.resolve("tsung.xml"),
                    config(load, target, server.address().getPort(), dir.toAbsolutePath()));
            Path logs = dir.resolve("logs");
            ProcessBuilder pb = new ProcessBuilder("tsung", "-n", "-I", "127.0.0.1", "-l", logs.toAbsolutePath().toString(),
                    "-f", config.toAbsolutePath().toString(), "start").redirectErrorStream(true)
                    .redirectOutput(dir.resolve("tsung.out").toFile());
            pb.environment().put("ERL_EPMD_ADDRESS", "127.0.0.1"); // its epmd on loopback only
            // its launcher sets the VM's options itself; erl adds these, the controller's dump interval
            pb.environment().put("ERL_FLAGS", "-tsung_controller dumpstats_interval " + DUMP_SECONDS * 1000);
            long started = System.currentTimeMillis();
            Process tsung = pb.start();
            long seconds = seconds(load);
            try (PidStats stats = PidStats.start(dir.resolve(CrossCheckReport.TSUNG_STATS), () -> beam(tsung),
                    Duration.ofSeconds(1)); Progress progress = new Progress("Tsung", seconds, "s", 1)) {
                long deadline = System.nanoTime() + Duration.ofSeconds(seconds).plus(START).toNanos();
                while (!tsung.waitFor(1, java.util.concurrent.TimeUnit.SECONDS)) {
                    progress.stepTo(Math.min(seconds, (System.currentTimeMillis() - started) / 1000), "against " + target.server().key());
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
            return measure(Files.readAllLines(log), load, target, started);
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
    static CrossCheckReport.Tsung measure(List<String> lines, Load load, Target target, long startedMillis) {
        long from = startedMillis / 1000 + load.warmUp().toSeconds();
        long to = from + load.duration().toSeconds();
        List<Dump> all = dumps(lines);
        long published = 0;
        long delivered = 0;
        long sends = 0;
        double sendSum = 0;
        double deliverSum = 0;
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
            published += (long) d.values().getOrDefault(target.sent, new double[] {0})[0];
            double[] deliveries = d.values().getOrDefault(target.delivered, new double[] {0, 0});
            delivered += (long) deliveries[0];
            deliverSum += deliveries[0] * (Double.isNaN(deliveries[1]) ? 0 : deliveries[1]);
            double[] send = d.values().getOrDefault(target.send, new double[] {0, 0});
            sends += (long) send[0];
            sendSum += send[0] * (Double.isNaN(send[1]) ? 0 : send[1]);
        }
        double seconds = last - first;
        Double deliverMean = !target.timesDeliveries ? null : delivered == 0 ? Double.NaN : deliverSum / delivered;
        if (seconds <= 0) {
            return new CrossCheckReport.Tsung(load.users(), 0, 0, 0, Double.NaN, 0, startedMillis,
                    target.timesDeliveries ? Double.NaN : null);
        }
        return new CrossCheckReport.Tsung(load.users(), seconds, published / seconds, delivered / seconds,
                sends == 0 ? Double.NaN : sendSum / sends, sends, startedMillis, deliverMean);
    }
}
