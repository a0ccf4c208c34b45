package chatlab.gbn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import chatlab.cmd.GbnMain;
import chatlab.report.HeadlessBrowser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A tiny CSC573 replay end to end over real UDP on loopback: its files, its verdicts, the report rebuilt and shown. */
class ReplayIT {
    @TempDir
    Path dir;

    @Test
    void aSmallReplayWritesItsFilesAndAReportThatComparesWithTheSeed() throws Exception {
        Path out = dir.resolve("replay");
        int exit = new CommandLine(new GbnMain()).execute("--replicate", "csc573", "--file-size", "12kb", "--repeats", "2",
                "--seed", "3", "--out", out.toString());
        assertThat(exit).isZero();
        for (String file : new String[] {"run.json", "results.json", "results.csv", "index.html", "summary.md",
            "csc573-windows.png", "csc573-windows.svg", "csc573-receivers.png", "csc573-receivers.svg"}) {
            assertThat(out.resolve(file)).as(file).exists().isNotEmptyFile();
        }
        assertThat(ReplayRun.isReplay(out)).isTrue();
        ReplayRun run = ReplayRun.read(out);
        assertThat(run.setup().seed()).isEqualTo(3);
        assertThat(run.setup().fileBytes()).isEqualTo(12 * 1024);
        // two repeats of: window 10, window 20, three receivers at once, three in turn
        assertThat(run.rows()).hasSize(8).allSatisfy(r -> assertThat(r.ok()).as(r.toString()).isTrue());
        assertThat(run.rows()).filteredOn(r -> !r.part().equals(ReplayRow.WINDOW))
                .allSatisfy(r -> assertThat(r.transferSeconds()).hasSize(3).allSatisfy(s -> assertThat(s).isPositive()));
        assertThat(run.rows()).filteredOn(r -> r.part().equals(ReplayRow.IN_TURN))
                .allSatisfy(r -> assertThat(r.seconds()).isEqualTo(r.transferSeconds().stream()
                        .mapToDouble(Double::doubleValue).sum()));
        String summary = Files.readString(out.resolve("summary.md"));
        assertThat(summary).contains("## Does chatlab agree?", "**Windows 10 and 20.**", "**3 receivers.**",
                "| windows | 10 and 20 | the CSC573 report |", "| file | 12,288 bytes of seeded text | set on the command line |",
                "assumed: ");
        assertThat(summary).containsPattern("(Agrees|Agrees in direction only|Disagrees|Cannot tell): ");

        Files.delete(out.resolve("index.html"));
        Files.delete(out.resolve("csc573-windows.png"));
        assertThat(new CommandLine(new chatlab.cmd.ReportMain()).execute("gbn", out.toString())).isZero();
        assertThat(out.resolve("csc573-windows.png")).isNotEmptyFile();

        assumeTrue(HeadlessBrowser.available(), "no Chromium here: " + HeadlessBrowser.HOW_TO_INSTALL);
        String dom = HeadlessBrowser.dumpDom(out.resolve("index.html"));
        Matcher shown = Pattern.compile("data-charts-shown=\"(\\d+)/(\\d+)\"").matcher(dom);
        assertThat(shown.find()).as("the page reports its charts").isTrue();
        assertThat(shown.group(1)).as("charts the browser displayed").isEqualTo(shown.group(2)).isEqualTo("2");
        assertThat(dom).contains("Does chatlab agree?", "<table>");
    }
}
