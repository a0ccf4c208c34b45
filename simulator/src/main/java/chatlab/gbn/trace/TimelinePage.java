package chatlab.gbn.trace;

import chatlab.lab.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The timeline player: one self-contained HTML page (inline CSS and script, nothing fetched) with
 * the diagram of {@link TimelineSvg} and the trace's steps as JSON, which plays the transfer step
 * by step: play, pause, step forward and back, a speed, and a panel with the window, the RTO and
 * the counts so far. Also writes the diagram alone as SVG.
 */
public final class TimelinePage {
    private TimelinePage() {
    }

    /** The files written for one trace. */
    public record Written(Path svg, Path html) {
    }

    /** Writes {@code <stem>.svg} and {@code <stem>.html} into {@code dir}. */
    public static Written write(Timeline timeline, String title, Path dir, String stem) throws IOException {
        Files.createDirectories(dir);
        String svg = TimelineSvg.render(timeline, title);
        Path svgFile = Files.writeString(dir.resolve(stem + ".svg"),
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg, StandardCharsets.UTF_8);
        Path htmlFile = Files.writeString(dir.resolve(stem + ".html"), html(timeline, title, svg),
                StandardCharsets.UTF_8);
        return new Written(svgFile, htmlFile);
    }

    /** The player page. */
    public static String html(Timeline timeline, String title, String svg) {
        String esc = TimelineSvg.escape(title);
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <style>
                %s</style>
                </head>
                <body data-steps-shown="0">
                <header>
                <h1>%s</h1>
                <p class="about">%s</p>
                </header>
                <div class="sticky">
                <div class="controls" role="group" aria-label="Player">
                  <button id="reset" type="button" title="Back to the start (Home)">|◀ Start</button>
                  <button id="back" type="button" title="One step back (←)">◀ Back</button>
                  <button id="play" type="button" aria-pressed="false" title="Play or pause (space)">▶ Play</button>
                  <button id="step" type="button" title="One step forward (→)">Step ▶</button>
                  <button id="end" type="button" title="Show every step (End)">End ▶|</button>
                  <label for="speed">Speed</label>
                  <select id="speed">
                    <option value="1">1 step/s</option><option value="3">3 steps/s</option>
                    <option value="8" selected>8 steps/s</option><option value="20">20 steps/s</option>
                    <option value="60">60 steps/s</option>
                  </select>
                  <input id="scrub" type="range" min="0" max="0" value="0" aria-label="Go to step">
                </div>
                <div class="panel" aria-live="polite">
                  <div class="event" id="p-event"></div>
                  <div><span class="k">step</span> <span id="p-step"></span></div>
                  <div><span class="k">time</span> <span id="p-time"></span></div>
                  <div class="wide"><span class="k">window</span> <span id="p-window"></span></div>
                  <div><span class="k">RTO</span> <span id="p-rto"></span></div>
                  <div><span class="k">sent</span> <span id="p-sent"></span></div>
                  <div><span class="k">lost</span> <span id="p-lost"></span></div>
                  <div><span class="k">retransmitted</span> <span id="p-retx"></span></div>
                  <div><span class="k">timeouts</span> <span id="p-timeouts"></span></div>
                  <div><span class="k">ACKs in</span> <span id="p-acks"></span></div>
                </div>
                <p class="hint">Counts run from the start of the transfer. Each step is one event of the trace; hover an arrow for its story.</p>
                </div>
                <main>
                %s</main>
                <script type="application/json" id="trace-data">%s</script>
                <script>
                %s</script>
                </body>
                </html>
                """.formatted(esc, resource("player.css"), esc, TimelineSvg.escape(about(timeline)), svg,
                scriptSafe(data(timeline, title)), resource("player.js"));
    }

    private static String about(Timeline t) {
        var h = t.trace().header();
        String sides = "both".equals(h.sides()) ? "both sides" : "the " + h.sides() + "'s side";
        return "Recorded by " + h.source() + " (" + sides + ")" + (h.started() != null ? ", " + h.started() : "") + ". "
                + "Showing " + t.flights().size() + " datagrams in " + t.steps().size() + " steps, from "
                + EventText.ms(t.from()) + " to " + EventText.ms(t.to()) + " of " + t.trace().events().size() + " events.";
    }

    /** The steps, with where each one's time is drawn, as JSON. */
    static String data(Timeline timeline, String title) {
        java.util.function.LongToDoubleFunction y = TimelineSvg.verticalScale(timeline);
        List<Map<String, Object>> steps = new ArrayList<>();
        for (Timeline.Step s : timeline.steps()) {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("t", s.t());
            step.put("y", Math.round(y.applyAsDouble(s.t()) * 10) / 10.0);
            step.put("text", EventText.ms(s.t()) + ": " + s.text());
            step.put("base", s.base());
            step.put("next", s.next());
            step.put("rto", s.rto());
            step.put("sent", s.sent());
            step.put("lost", s.lost());
            step.put("retransmitted", s.retransmitted());
            step.put("timeouts", s.timeouts());
            step.put("acks", s.acks());
            steps.add(step);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("title", title);
        data.put("header", timeline.trace().header());
        data.put("steps", steps);
        try {
            return Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * JSON made safe inside a {@code <script>} element: {@code <}, {@code >} and {@code &} can only
     * occur inside its strings, where their escapes mean the same, so no {@code </script>} or
     * {@code <!--} can appear.
     */
    static String scriptSafe(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }

    private static String resource(String name) {
        try (InputStream in = TimelinePage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the player's " + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
