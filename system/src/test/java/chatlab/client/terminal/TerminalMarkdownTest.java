package chatlab.client.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;

class TerminalMarkdownTest {
    @Test
    void stylesEmphasisCodeAndLinksAndDropsTheMarkers() {
        AttributedString text = TerminalMarkdown.render("**standup** at *ten*: see `notes.md` or [the wiki](https://example.org)");
        assertThat(text.toString()).isEqualTo("standup at ten: see notes.md or the wiki <https://example.org>");
        assertThat(text.styleAt(0)).isEqualTo(AttributedStyle.DEFAULT.bold());
        assertThat(text.styleAt("standup at ".length())).isEqualTo(AttributedStyle.DEFAULT.italic());
        assertThat(text.styleAt("standup at ten: see ".length()))
                .isEqualTo(AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN));
        assertThat(text.styleAt("standup at ten: see notes.md or ".length())).isEqualTo(AttributedStyle.DEFAULT.underline());
        assertThat(text.styleAt("standup".length())).as("after the bold").isEqualTo(AttributedStyle.DEFAULT);
    }

    @Test
    void rendersListsQuotesAndCodeBlocksOnLinesOfTheirOwn() {
        assertThat(TerminalMarkdown.render("Agenda:\n\n- budget\n- hiring\n\n1. first\n2. second").toString())
                .isEqualTo("Agenda:\n• budget\n• hiring\n1. first\n2. second");
        assertThat(TerminalMarkdown.render("> quoted\n\n```\nint x;\n```").toString())
                .isEqualTo("│ quoted\n  int x;");
    }

    @Test
    void showsHtmlAsTheTextItIs() {
        assertThat(TerminalMarkdown.render("<script>alert(1)</script> and <b>bold</b>").toString())
                .isEqualTo("<script>alert(1)</script> and <b>bold</b>");
        assertThat(TerminalMarkdown.render("![cat](http://x/cat.png)").toString()).isEqualTo("[image: cat] <http://x/cat.png>");
    }
}
