package chatlab.gbn;

import static org.assertj.core.api.Assertions.assertThat;

import chatlab.gbn.trace.Flight;
import chatlab.gbn.trace.Timeline;
import chatlab.gbn.trace.TraceIndex;
import chatlab.p2p.arq.Strategy;
import chatlab.p2p.trace.Trace;
import chatlab.p2p.trace.TraceEvent;
import chatlab.p2p.trace.TraceFile;
import chatlab.testing.Browsers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A transfer traced for real (UDP on loopback, through the seeded impairer, with loss), its
 * timeline player built the way a gbn run builds it, and played in headless Chromium: the
 * diagram grows an arrow per datagram sent as the steps go, the panel follows, and the losses
 * are marked.
 */
class TimelinePlayerIT {
    @TempDir
    Path dir;
    private WebDriver browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    private long count(String css) {
        return ((Number) ((JavascriptExecutor) browser).executeScript(
                "return document.querySelectorAll(arguments[0]).length", css)).longValue();
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private int shown() {
        return Integer.parseInt(browser.findElement(By.tagName("body")).getDomAttribute("data-steps-shown"));
    }

    /** Arrows the player shows: those of the flights whose send is among the first {@code steps} steps. */
    private static long arrowsAfter(Timeline timeline, int steps) {
        return timeline.flights().stream().filter(f -> f.step() < steps).count();
    }

    @Test
    void thePlayerStepsAndPlaysATracedTransferWithLoss() throws Exception {
        SweepConfig config = new SweepConfig(List.of(8), List.of(0.1), List.of(5.0), List.of(Strategy.GO_BACK_N), 48 * 1024,
                200, 1024, 8_000_000, 1, 1, 0.05, 1, 7, null, List.of(), 1 << 20);
        SweepPoint point = GbnTraces.point("gbn:8:0.1:5ms");
        List<Path> traces = GbnTraces.record(List.of(point), config, dir);
        assertThat(traces).singleElement().satisfies(p -> assertThat(p).isNotEmptyFile());
        Trace trace = TraceFile.read(traces.getFirst());
        assertThat(trace.count(e -> e.ev().drop())).as("the seed loses datagrams").isPositive();
        assertThat(trace.count(TraceEvent::retransmission)).isPositive();

        String section = TraceIndex.section(dir);
        assertThat(section).contains("href=\"traces/gbn-n8-p0.1-d5ms.html\"", "Transfer traces");
        Path page = dir.resolve("traces/gbn-n8-p0.1-d5ms.html");
        assertThat(page).isNotEmptyFile();
        Timeline timeline = Timeline.of(trace, Timeline.Span.DEFAULT);
        long dropped = timeline.flights().stream().filter(f -> f.fate().dropped()).count();
        assertThat(dropped).as("a loss within the default span").isPositive();

        Browsers.CHROMIUM.require();
        browser = Browsers.CHROMIUM.start();
        browser.get(page.toUri().toString());
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        wait.until(d -> d.findElement(By.tagName("body")).getDomAttribute("data-steps-total") != null);
        int total = timeline.steps().size();
        assertThat(browser.findElement(By.tagName("body")).getDomAttribute("data-steps-total"))
                .isEqualTo(Integer.toString(total));
        assertThat(count("#timeline g.flight:not(.future)")).as("nothing drawn before the first step").isZero();
        assertThat(count("#timeline g.flight line.arrow")).as("an arrow per datagram in the span")
                .isEqualTo(timeline.flights().size());

        int firstData = timeline.flights().stream().filter(f -> "DATA".equals(f.send().kind())).findFirst()
                .map(Flight::step).orElseThrow();
        browser.findElement(By.id("step")).click();
        String windowBefore = text("p-window");
        for (int i = 1; i <= firstData; i++) {
            browser.findElement(By.id("step")).click();
        }
        int stepped = firstData + 1;
        wait.until(d -> shown() == stepped);
        assertThat(count("#timeline g.flight:not(.future)")).isEqualTo(arrowsAfter(timeline, stepped));
        assertThat(text("p-step")).isEqualTo(stepped + " / " + total);
        Timeline.Step state = timeline.steps().get(stepped - 1);
        assertThat(text("p-window")).isNotEqualTo(windowBefore)
                .startsWith("[" + state.base() + ", " + state.next() + ")");
        assertThat(text("p-event")).contains("sender sends DATA 0");

        browser.findElement(By.id("back")).click();
        wait.until(d -> shown() == stepped - 1);
        assertThat(count("#timeline g.flight:not(.future)")).isEqualTo(arrowsAfter(timeline, stepped - 1));

        new Select(browser.findElement(By.id("speed"))).selectByValue("60");
        browser.findElement(By.id("play")).click();
        wait.until(d -> shown() == total);
        assertThat(browser.findElement(By.id("play")).getDomAttribute("aria-pressed")).isEqualTo("false");
        assertThat(count("#timeline g.flight:not(.future)")).isEqualTo(timeline.flights().size());
        assertThat(count("#timeline g.flight:not(.future) path.lost-mark")).isEqualTo(dropped);
        assertThat(count("#timeline g.timeout-mark:not(.future)"))
                .isEqualTo(timeline.events().stream().filter(e -> e.ev() == TraceEvent.Type.TIMEOUT).count());
        Timeline.Step last = timeline.steps().getLast();
        assertThat(text("p-lost")).isEqualTo(Long.toString(last.lost()));
        assertThat(text("p-retx")).isEqualTo(Long.toString(last.retransmitted()));
        assertThat(text("p-sent")).isEqualTo(Long.toString(last.sent()));
        assertThat(browser.findElement(By.id("now")).getDomAttribute("display")).isNull();
    }
}
