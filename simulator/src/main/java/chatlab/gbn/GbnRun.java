package chatlab.gbn;

import chatlab.lab.Json;
import chatlab.lab.Machine;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The files of one sweep: {@code run.json} (configuration, seeds, machine), {@code results.json}
 * and the same rows as {@code results.csv} and {@code blasts.csv}. Reports are built from these
 * alone.
 */
public record GbnRun(String runId, String command, String startedAt, String finishedAt, Machine machine,
        SweepConfig config, List<Measurement> measurements, List<Blast> blasts) {

    /** What run.json holds. */
    public record Info(String runId, String command, String startedAt, String finishedAt, Machine machine,
            SweepConfig config, String seeds) {
    }

    /** What results.json holds. */
    public record Results(List<Measurement> measurements, List<Blast> blasts) {
    }

    static final String SEEDS = "each transfer's seed is derived from the sweep seed, the point and the repeat "
            + "(see results); it seeds the impairer and the transfer's id and first sequence number";

    public void write(Path dir) throws IOException {
        Json.write(dir.resolve("run.json"), new Info(runId, command, startedAt, finishedAt, machine, config, SEEDS));
        Json.write(dir.resolve("results.json"), new Results(measurements, blasts));
        try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(dir.resolve("results.csv")))) {
            csv.println("strategy,window,loss,delay_ms,clean,repeat,seed,bytes,data_ms,goodput_mbps,transmissions,"
                    + "retransmissions,timeouts,mean_timeout_ms,srtt_ms,min_rtt_ms,offered,lost,error");
            for (Measurement m : measurements) {
                csv.printf(Locale.ROOT, "%s,%d,%s,%s,%b,%d,%d,%d,%.3f,%.4f,%d,%d,%d,%.3f,%.3f,%.3f,%d,%d,%s%n", m.strategy().code(),
                        m.window(), m.loss(), m.delayMs(), m.clean(), m.repeat(), m.seed(), m.bytes(), m.dataNanos() / 1e6,
                        m.goodputBitsPerSecond() / 1e6, m.transmissions(), m.retransmissions(), m.timeouts(),
                        m.meanTimeoutMs(), m.srttMs(), m.minRttMs(), m.offeredDatagrams(), m.lostDatagrams(), m.error() == null ? "" : "\"" + m.error().replace("\"", "'") + "\"");
            }
        }
        try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(dir.resolve("blasts.csv")))) {
            csv.println("repeat,sealed,datagram_bytes,chunk_bytes,sent,received,ms,goodput_mbps");
            for (Blast b : blasts) {
                csv.printf(Locale.ROOT, "%d,%b,%d,%d,%d,%d,%.3f,%.3f%n", b.repeat(), b.sealed(), b.datagramBytes(),
                        b.chunkBytes(), b.sent(), b.received(), b.nanos() / 1e6, b.goodputBitsPerSecond() / 1e6);
            }
        }
    }

    public static GbnRun read(Path dir) throws IOException {
        Path info = dir.resolve("run.json");
        Path results = dir.resolve("results.json");
        if (!Files.exists(info) || !Files.exists(results)) {
            throw new IOException(dir + " is not a Go-Back-N run: it lacks run.json or results.json");
        }
        Info i = Json.read(info, Info.class);
        Results r = Json.read(results, Results.class);
        return new GbnRun(i.runId(), i.command(), i.startedAt(), i.finishedAt(), i.machine(), i.config(),
                r.measurements(), r.blasts());
    }
}
