package chatlab.gbn.trace;

import static org.assertj.core.api.Assertions.assertThat;

import chatlab.p2p.trace.Trace;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The diagram draws an arrow per datagram in its span, marks losses and timeouts, and names itself. */
class TimelineSvgTest {
    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void anArrowPerDatagramALossMarkPerLossAndATimeoutMark() {
        Timeline t = Timeline.of(Traces.lossy(1), Timeline.Span.DEFAULT);
        String svg = TimelineSvg.render(t, "lossy <test>");
        assertThat(count(svg, "<line class=\"arrow (data|retx|ack|ctl)\" x1")).isEqualTo(t.flights().size()).isEqualTo(10);
        assertThat(count(svg, "<g class=\"flight [a-z]+ lost\"")).isEqualTo(1);
        assertThat(count(svg, "<path class=\"lost-mark\"")).as("one in the legend, one on the diagram").isEqualTo(2);
        assertThat(count(svg, "<line class=\"arrow retx\" x1")).isEqualTo(3);
        assertThat(count(svg, "<g class=\"timeout-mark\" data-step=")).isEqualTo(1);
        assertThat(count(svg, "<circle class=\"discard-mark\"")).isEqualTo(2);
        assertThat(svg).contains("<title id=\"tl-title\">lossy &lt;test&gt;</title>", "<desc id=\"tl-desc\">",
                "10 datagrams, 1 lost, 3 retransmissions, 1 timeouts", "role=\"img\"", ">sender</text>",
                ">receiver</text>", "[0, 4)");
        assertThat(svg).doesNotContain("<test>");
    }

    @Test
    void onlyTheDatagramsOfTheSpanAreDrawn() {
        Trace trace = Traces.stream(200, 70);
        Timeline t = Timeline.of(trace, Timeline.Span.DEFAULT);
        String svg = TimelineSvg.render(t, "stream");
        assertThat(count(svg, "<line class=\"arrow data\" x1")).isEqualTo(60);
        assertThat(count(svg, "<g class=\"flight data lost\"")).isEqualTo(1);
        assertThat(svg).contains(">DATA 50</text>").doesNotContain(">DATA 49</text>", ">DATA 110</text>");
    }

    @Test
    void everyDrawnEventNamesItsStep() {
        Timeline t = Timeline.of(Traces.lossy(0), Timeline.Span.DEFAULT);
        String svg = TimelineSvg.render(t, "steps");
        Matcher m = Pattern.compile("data-step=\"(\\d+)\"").matcher(svg);
        int found = 0;
        while (m.find()) {
            assertThat(Integer.parseInt(m.group(1))).isBetween(0, t.steps().size() - 1);
            found++;
        }
        assertThat(found).isGreaterThanOrEqualTo(t.flights().size());
    }

    @Test
    void niceTicks() {
        assertThat(TimelineSvg.niceStep(7)).isEqualTo(10);
        assertThat(TimelineSvg.niceStep(0.3)).isEqualTo(0.5);
        assertThat(TimelineSvg.niceStep(12)).isEqualTo(20);
        assertThat(TimelineSvg.trim(2.5)).isEqualTo("2.5");
        assertThat(TimelineSvg.trim(20)).isEqualTo("20");
    }
}
