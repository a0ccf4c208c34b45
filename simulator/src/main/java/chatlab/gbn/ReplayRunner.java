package chatlab.gbn;

import chatlab.lab.Progress;
import chatlab.lab.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Runs a replay over real UDP on loopback: a warm-up that is not recorded, then each repeat of
 * every part, the windows one after another and then the fan-out at once and in turn, so that
 * the parts compared meet the same machine at the same time.
 */
final class ReplayRunner {
    private static final int WARM_UP_TRANSFERS = 4;

    private ReplayRunner() {
    }

    static List<ReplayRow> run(ReplaySetup setup) throws IOException {
        byte[] file = text(setup.fileBytes(), setup.seed(ReplaySetup.FILE, 0));
        String sha = TestFiles.sha256(file);
        SweepConfig link = setup.link();
        List<ReplayRow> rows = new ArrayList<>();
        Path scratch = Files.createTempDirectory("chatlab-replay");
        try (Progress progress = new Progress("CSC573 replay", setup.steps())) {
            progress.message("warming up");
            warmUp(setup, file, sha, scratch);
            for (int r = 1; r <= setup.repeats(); r++) {
                long seed = setup.seed(ReplaySetup.WINDOWS, r);
                for (int window : setup.windows()) {
                    progress.message("window " + window + " #" + r);
                    rows.add(unicast(TransferRun.run(setup.point(window), r, seed, link, file, sha, scratch)));
                    progress.step("window " + window + " #" + r);
                }
                for (boolean parallel : new boolean[] {true, false}) {
                    String label = setup.receivers() + (parallel ? " at once #" : " in turn #") + r;
                    progress.message(label);
                    rows.add(fanOut(setup, parallel, r, file, sha, scratch));
                    progress.step(label);
                }
            }
        } finally {
            Files.deleteIfExists(scratch);
        }
        return rows;
    }

    private static ReplayRow unicast(Measurement m) {
        if (!m.ok()) {
            return ReplayRow.failed(ReplayRow.WINDOW, m.window(), 1, m.repeat(), m.seed(), m.error());
        }
        double seconds = m.dataNanos() / 1e9;
        return new ReplayRow(ReplayRow.WINDOW, m.window(), 1, m.repeat(), m.seed(), seconds, List.of(seconds),
                m.retransmissions(), m.timeouts(), null);
    }

    private static ReplayRow fanOut(ReplaySetup setup, boolean parallel, int repeat, byte[] file, String sha,
            Path scratch) {
        String part = parallel ? ReplayRow.PARALLEL : ReplayRow.IN_TURN;
        long seed = setup.seed(ReplaySetup.FAN_OUT, repeat);
        int window = setup.fanOutWindow();
        try {
            FanOut.Result result = FanOut.run(setup.point(window), setup.link(), setup.receivers(), parallel, seed, file,
                    sha, scratch);
            return new ReplayRow(part, window, setup.receivers(), repeat, seed,
                    parallel ? result.spanSeconds() : result.sumSeconds(), result.eachSeconds(), result.retransmissions(),
                    result.timeouts(), null);
        } catch (Exception e) {
            return ReplayRow.failed(part, window, setup.receivers(), repeat, seed,
                    e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    /** Transfers that are not recorded, so that the measured ones run compiled code, not the interpreter. */
    private static void warmUp(ReplaySetup setup, byte[] file, String sha, Path scratch) throws IOException {
        for (int i = 0; i < WARM_UP_TRANSFERS; i++) {
            TransferRun.run(setup.point(setup.windows().get(i % setup.windows().size())), 0, i, setup.link(), file, sha,
                    scratch);
        }
        try {
            FanOut.run(setup.point(setup.fanOutWindow()), setup.link(), setup.receivers(), true, 0, file, sha, scratch);
        } catch (Exception e) {
            // a failed warm-up costs only its warmth; the measured runs record their own failures
        }
    }

    /** {@code size} bytes of seeded text: lower-case words, spaces, and a line break every 60 to 80 characters. */
    static byte[] text(long size, long seed) {
        byte[] text = new byte[Math.toIntExact(size)];
        SplittableRandom random = new SplittableRandom(seed);
        int line = 0;
        int lineLength = 60 + random.nextInt(21);
        int word = 1 + random.nextInt(9);
        for (int i = 0; i < text.length; i++) {
            if (line >= lineLength) {
                text[i] = '\n';
                line = 0;
                lineLength = 60 + random.nextInt(21);
            } else if (word == 0) {
                text[i] = ' ';
                word = 1 + random.nextInt(9);
                line++;
            } else {
                text[i] = (byte) ('a' + random.nextInt(26));
                word--;
                line++;
            }
        }
        return text;
    }
}
