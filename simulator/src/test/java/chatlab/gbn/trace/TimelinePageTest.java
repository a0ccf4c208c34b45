package chatlab.gbn.trace;

import static org.assertj.core.api.Assertions.assertThat;

import chatlab.p2p.trace.Trace;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The player is one page that fetches nothing, with its data where no text can end the script. */
class TimelinePageTest {
    @TempDir
    Path dir;

    @Test
    void thePlayerIsSelfContainedAndItsDataCannotCloseTheScript() throws Exception {
        Trace hostile = new Trace(Traces.header("</script><script>window.__pwned=1</script><!--"),
                Traces.lossy(2).events());
        Timeline t = Timeline.of(hostile, Timeline.Span.DEFAULT);
        TimelinePage.Written written = TimelinePage.write(t, "title </script>", dir, "hostile");
        String html = Files.readString(written.html());
        String open = "<script type=\"application/json\" id=\"trace-data\">";
        String data = html.substring(html.indexOf(open) + open.length());
        data = data.substring(0, data.indexOf("</script>"));
        assertThat(data).doesNotContain("</", "<!--", "<script").contains("\\u003c/script\\u003e");
        assertThat(html).doesNotContain("src=\"http", "href=\"http", "@import", "fetch(", "XMLHttpRequest")
                .contains("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"timeline\"", "id=\"play\"", "id=\"step\"",
                        "id=\"back\"", "id=\"speed\"", "id=\"p-window\"", "id=\"p-rto\"", "id=\"p-lost\"");
        assertThat(Files.readString(written.svg())).startsWith("<?xml").contains("</svg>");
        assertThat(html).doesNotContain("<script>window.__pwned").contains("<h1>title &lt;/script&gt;</h1>");
    }

    @Test
    void eachStepKnowsWhereItsTimeIsDrawn() {
        Timeline t = Timeline.of(Traces.lossy(2), Timeline.Span.DEFAULT);
        String data = TimelinePage.data(t, "y");
        assertThat(data).contains("\"steps\":[{\"t\":0,\"y\":" + TimelineSvg.TOP + ".0,\"text\":\"0.000 ms: sender sends DATA 0\"");
    }
}
