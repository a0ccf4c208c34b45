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

/** A small sweep end to end: the raw files, the rebuilt report, and the page in a real browser. */
class GbnReportIT {
    @TempDir
    Path dir;

    @Test
    void aSweepWritesItsFilesAndAReportABrowserShows() throws Exception {
        Path out = dir.resolve("run");
        int exit = new CommandLine(new GbnMain()).execute("--windows", "4,16", "--losses", "0,0.05", "--delays", "2ms",
                "--strategies", "gbn,sr,saw", "--repeats", "2", "--max-repeats", "2", "--round-trips", "20", "--clean-windows", "64",
                "--clean-file-size", "1mb", "--seed", "7", "--out", out.toString());
        assertThat(exit).isZero();
        for (String file : new String[] {"run.json", "results.json", "results.csv", "blasts.csv", "index.html",
                "summary.md", "goodput-vs-window-d2ms.png", "goodput-vs-window-d2ms.svg", "model-fit-d2ms.png",
                "strategies-d2ms.svg", "clean-loopback.png"}) {
            assertThat(out.resolve(file)).as(file).exists().isNotEmptyFile();
        }
        GbnRun run = GbnRun.read(out);
        assertThat(run.measurements()).hasSize((2 + 2 + 1) * 2 * 2 + SweepConfig.CLEAN_ROUNDS)
                .allSatisfy(m -> assertThat(m.ok()).isTrue());
        assertThat(run.blasts()).as("a raw and a sealed blast each round").hasSize(2 * SweepConfig.CLEAN_ROUNDS)
                .filteredOn(Blast::sealed).hasSize(SweepConfig.CLEAN_ROUNDS)
                .allSatisfy(b -> assertThat(b.received()).isPositive());
        assertThat(run.config().seed()).isEqualTo(7);
        String summary = Files.readString(out.resolve("summary.md"));
        assertThat(summary).contains("## Goals", "clean loopback", "same sealed datagrams", "raw bytes", "the closed form", "the model", "precision",
                "| gbn | 16 | 5% |");

        Files.delete(out.resolve("index.html"));
        Files.delete(out.resolve("model-fit-d2ms.png"));
        GbnReport.build(out); // from the raw files alone
        assertThat(out.resolve("model-fit-d2ms.png")).isNotEmptyFile();

        assumeTrue(HeadlessBrowser.available(), "no Chromium here: " + HeadlessBrowser.HOW_TO_INSTALL);
        String dom = HeadlessBrowser.dumpDom(out.resolve("index.html"));
        Matcher shown = Pattern.compile("data-charts-shown=\"(\\d+)/(\\d+)\"").matcher(dom);
        assertThat(shown.find()).as("the page reports its charts").isTrue();
        assertThat(shown.group(1)).as("charts the browser displayed").isEqualTo(shown.group(2));
        assertThat(Integer.parseInt(shown.group(2))).isEqualTo(5);
        assertThat(dom).contains("<table>", "Every point", "measured/twin", "measured/closed form");
    }
}
