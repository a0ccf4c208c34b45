package chatlab.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import chatlab.lab.Machine;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading Jazzer's output, naming the targets' files, and reporting what a run found. */
class LibFuzzerOutputTest {
    @Test
    void readsTheStatusLinesAndTheFinalStatistics() {
        LibFuzzerOutput output = new LibFuzzerOutput();
        assertThat(output.accept("INFO: Instrumented chatlab.protocol.Frame (took 1 ms, size +0%)")).isFalse();
        for (String line : List.of(
                "#351\tINITED cov: 1705 ft: 4146 corp: 287/9132b exec/s: 0 rss: 1746Mb",
                "#99931\tREDUCE cov: 1879 ft: 5083 corp: 481/19Kb lim: 170 exec/s: 4758 rss: 1746Mb L: 16/170 MS: 2",
                "#100000\tDONE   cov: 1880 ft: 5090 corp: 482/19Kb lim: 170 exec/s: 4761 rss: 1746Mb",
                "Done 100000 runs in 21 second(s)",
                "stat::number_of_executed_units: 100000",
                "stat::average_exec_per_sec:     4761",
                "stat::peak_rss_mb:              1746")) {
            assertThat(output.accept(line)).isTrue();
        }
        assertThat(output.runs).isEqualTo(100_000);
        assertThat(output.seconds).isEqualTo(21);
        assertThat(output.execsPerSecond).isEqualTo(4761);
        assertThat(output.peakRssMiB).isEqualTo(1746);
        assertThat(output.coverage).isEqualTo(1880);
        assertThat(output.features).isEqualTo(5090);
        assertThat(output.corpus).isEqualTo(482);
        assertThat(output.finding).isNull();
    }

    @Test
    void readsAFindingAndWhereItsInputWent() {
        LibFuzzerOutput output = new LibFuzzerOutput();
        for (String line : List.of(
                "== Java Exception: java.lang.IllegalStateException: sealing a datagram failed",
                "\tat chatlab.p2p.wire.DatagramCodec.seal(DatagramCodec.java:129)",
                "== Java Exception: java.lang.AssertionError: a second one",
                "DEDUP_TOKEN: 8a1f0e2b3c4d5e6f",
                "== libFuzzer crashing input ==",
                "artifact_prefix='/tmp/run/datagrams-'; Test unit written to /tmp/run/datagrams-crash-da39a3ee",
                "Base64: ")) {
            output.accept(line);
        }
        assertThat(output.finding).isEqualTo("java.lang.IllegalStateException: sealing a datagram failed");
        assertThat(output.unit).isEqualTo("/tmp/run/datagrams-crash-da39a3ee");
    }

    @Test
    void aRunAskedToEndEarlyEndsCleanlyWithWhatItRan() {
        LibFuzzerOutput output = new LibFuzzerOutput();
        for (String line : List.of(
                "#524288\tpulse  cov: 82 ft: 94 corp: 13/710b lim: 4096 exec/s: 52428 rss: 774Mb",
                "INFO: signal received, trying to exit gracefully",
                "==6101== INFO: libFuzzer: exiting as requested",
                "stat::number_of_executed_units: 534112",
                "stat::average_exec_per_sec:     53411")) {
            output.accept(line);
        }
        assertThat(output.stoppedEarly).isTrue();
        assertThat(output.finding).isNull();
        assertThat(output.runs).isEqualTo(534_112);
        assertThat(output.elapsedSeconds()).isEqualTo(10);
    }

    @Test
    void readsLibFuzzersOwnErrors() {
        LibFuzzerOutput output = new LibFuzzerOutput();
        output.accept("==12345== ERROR: libFuzzer: timeout after 61 seconds");
        assertThat(output.finding).isEqualTo("ERROR: libFuzzer: timeout after 61 seconds");
    }

    @Test
    void everyTargetHasItsInputsBesideItsTestClass() {
        FuzzTarget frames = FuzzTarget.named("frames").orElseThrow();
        assertThat(frames.inputs(Path.of("/p"))).isEqualTo(Path.of("/p/system/src/test/resources/chatlab/protocol/"
                + "FrameDecodingFuzzTestInputs/bytesFromTheNetworkBecomeMessagesOrProtocolErrors"));
        assertThat(frames.corpus(Path.of("/p"))).isEqualTo(Path.of("/p/system/target/fuzz-corpus/frames"));
        assertThat(FuzzTarget.ALL).extracting(FuzzTarget::name)
                .containsExactly("frames", "datagrams", "datagram-bodies", "beacons", "scenarios");
        assertThat(FuzzTarget.named("nothing")).isEmpty();
    }

    @Test
    void theReportSaysWhatFailedAndWhereItsInputIsKept() {
        FuzzResult clean = new FuzzResult("beacons", "the beacon parser", 7, 1_000_000, 15, 66_000, 82, 94, 15, 800, 0,
                null, null);
        FuzzResult failed = new FuzzResult("frames", "the frame reader", 9, 1_234, 1, 1_234, 100, 200, 30, 900, 77,
                "java.lang.AssertionError: x | y", "system/src/test/resources/x/crash-1");
        FuzzReport report = new FuzzReport(List.of(clean, failed), Machine.current(), "./lab fuzz", 1, true);
        assertThat(report.passed()).isFalse();
        assertThat(report.markdown()).contains("**A target failed.**")
                .contains("| beacons | the beacon parser | 1,000,000 | 15 | 66,000 | 82 | 94 | 15 | 800 MiB | no failure |")
                .contains("FAILED: java.lang.AssertionError: x \\| y (input kept as system/src/test/resources/x/crash-1)")
                .contains("Seed: 1 (each target's libFuzzer seed: beacons 7, frames 9)");
        assertThat(report.table()).contains("frames").contains("FAILED");
        assertThat(new FuzzReport(List.of(clean), Machine.current(), "./lab fuzz", 1, false).passed()).isTrue();
    }
}
