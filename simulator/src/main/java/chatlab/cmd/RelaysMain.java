package chatlab.cmd;

import chatlab.cli.Commands;
import chatlab.cli.VersionProvider;
import chatlab.lab.Json;
import chatlab.lab.Machine;
import chatlab.lab.RunIds;
import chatlab.report.RelaysReport;
import chatlab.sim.Sweep;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./lab relays}: the relay sweep. Runs a scenario whose users send direct messages while
 * they come and go (by default {@code relays}) once for every combination of the number of
 * relays, the time users stay away (the churn) and the datagram loss, each a whole simulation
 * against a fresh server, and charts the share of messages for users who were away that
 * reached them through relays, and how long they took.
 */
@Command(name = "lab relays", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"The relay sweep: how reliably, and how fast, peers deliver direct messages",
                "for users who are away, against the number of relays and the churn, with the",
                "datagram loss as a parameter. Each point is a whole simulation (./lab simulate",
                "SCENARIO with --set overrides), checked by the direct checker."},
        footer = {"", "Examples:", "  ./lab relays                       every combination of the defaults (about 30 minutes)",
                "  ./lab relays --quick               two points, for a first look (about 2 minutes)",
                "  ./lab relays --relays 0,1,3 --away 5s,20s --loss 0",
                "", "Exit codes: 0 every point passed; 1 a checker found a violation at some point; 2 bad input or a run",
                "could not start; 3 inconclusive: nothing failed but a checker could not decide."})
public final class RelaysMain implements Callable<Integer> {
    @Option(names = "--scenario", paramLabel = "NAME|FILE", defaultValue = "relays", description = "The scenario, whose group --group sends direct messages and leaves (default: ${DEFAULT-VALUE}).")
    private String scenario;

    @Option(names = "--group", paramLabel = "NAME", defaultValue = "peers", description = "The group whose p2p settings are swept (default: ${DEFAULT-VALUE}).")
    private String group;

    @Option(names = "--relays", split = ",", paramLabel = "N", description = "Relays per message (default: 0,1,2,3,5).")
    private List<Integer> relays = List.of(0, 1, 2, 3, 5);

    @Option(names = "--away", split = ",", paramLabel = "DURATION", description = "The mean time a user who leaves stays away, exponentially distributed: the churn (default: 3s,10s,30s).")
    private List<String> away = List.of("3s", "10s", "30s");

    @Option(names = "--loss", split = ",", paramLabel = "P", description = "The share of each user's datagrams the seeded impairer drops (default: 0,0.2).")
    private List<Double> loss = List.of(0.0, 0.2);

    @Option(names = "--quick", description = "Two points only (0 and 3 relays; 10s away; no loss), each 20 s long: a first look.")
    private boolean quick;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Change a field of the scenario at every point, as ./lab simulate --set does.")
    private List<String> sets = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write the sweep (default: reports/relays/<id>).")
    private Path out;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        Commands.main(new RelaysMain(), args);
    }

    /** One point of the grid: its overrides, and its folder inside the sweep's. */
    record Point(int relays, String away, double loss) {
        List<String> overrides(String group) {
            String impair = loss <= 0 ? "" : String.format(Locale.ROOT, "loss=%s", loss);
            return List.of("groups." + group + ".p2p.relays=" + relays,
                    "groups." + group + ".p2p.away={exponential: " + away + "}",
                    "groups." + group + ".p2p.impair=\"" + impair + "\"");
        }

        String folder() {
            return String.format(Locale.ROOT, "relays-%d-away-%s-loss-%s", relays, away, loss);
        }
    }

    /** Every combination, relays fastest. */
    List<Point> grid() {
        List<Integer> r = quick ? List.of(0, 3) : relays;
        List<String> a = quick ? List.of("10s") : away;
        List<Double> l = quick ? List.of(0.0) : loss;
        for (int n : r) {
            int most = chatlab.p2p.direct.DirectMessages.Settings.MOST_RELAYS;
            if (n < 0 || n > most) {
                throw new IllegalArgumentException("--relays takes 0 to " + most + ", not " + n);
            }
        }
        for (double p : l) {
            if (p < 0 || p >= 1) {
                throw new IllegalArgumentException("--loss takes shares from 0 up to 1 (not included), not " + p);
            }
        }
        for (String d : a) {
            chatlab.p2p.impair.Units.duration(d); // a clear error now, not at the first point
        }
        List<Point> points = new ArrayList<>();
        for (double p : l) {
            for (String d : a) {
                for (int n : r) {
                    points.add(new Point(n, d, p));
                }
            }
        }
        return points;
    }

    @Override
    public Integer call() throws Exception {
        List<Point> points;
        try {
            points = grid();
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return 2;
        }
        Path dir = RunIds.outputFolder(out, "relays");
        String command = "./lab relays " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
        String started = Instant.now().toString();
        List<RelaysReport.Point> done = new ArrayList<>();
        int worst = 0;
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            System.out.printf("Point %d/%d: %d relays, away %s on average, %.0f%% loss%n", i + 1, points.size(), p.relays(),
                    p.away(), 100 * p.loss());
            List<String> args = new ArrayList<>(List.of(scenario, "--out", dir.resolve(p.folder()).toString()));
            if (quick) {
                args.addAll(List.of("--set", "duration=20s", "--set", "drain=25s"));
            }
            for (String set : sets) {
                args.addAll(List.of("--set", set));
            }
            for (String set : p.overrides(group)) {
                args.addAll(List.of("--set", set));
            }
            int code = new CommandLine(new SimulateMain()).execute(args.toArray(String[]::new));
            if (code == 2) {
                spec.commandLine().getErr().println("error: point " + (i + 1) + " could not run; see above");
                return 2;
            }
            worst = code == 1 || worst == 1 ? 1 : Math.max(worst, code);
            done.add(new RelaysReport.Point(p.relays(), p.away(), p.loss(), p.folder()));
            Json.write(dir.resolve(RelaysReport.FILE), new RelaysReport.Sweep(dir.getFileName().toString(), command,
                    Machine.current(), started, i + 1 == points.size() ? Instant.now().toString() : null, done));
        }
        Path page = RelaysReport.build(dir);
        System.out.println("Relay sweep: " + page.toAbsolutePath().normalize());
        System.out.print(Files.readString(dir.resolve("summary.md")));
        return worst;
    }
}
