package chatlab.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarkdownTest {
    private static final Pattern TAG = Pattern.compile("<(/?)([A-Za-z][A-Za-z0-9]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>");
    private static final Pattern ATTRIBUTE = Pattern.compile("\\s+([^\\s=/>]+)(?:=\"([^\"]*)\")?");
    private static final Set<String> TAGS = Set.of("p", "em", "strong", "code", "pre", "a", "img", "ul", "ol", "li",
            "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "br", "span");
    private static final Set<String> ATTRIBUTES = Set.of("href", "src", "alt", "title", "rel", "target", "class", "start");

    @Test
    void rendersCommonMark() {
        assertThat(Markdown.render("hello **bob**, _this_ is `code`"))
                .isEqualTo("<p>hello <strong>bob</strong>, <em>this</em> is <code>code</code></p>\n");
        assertThat(Markdown.render("- one\n- two")).contains("<ul>", "<li>one</li>", "<li>two</li>");
        assertThat(Markdown.render("```\nx < y\n```")).isEqualTo("<pre><code>x &lt; y\n</code></pre>\n");
        assertThat(Markdown.render("")).isEmpty();
        assertThat(Markdown.render(null)).isEmpty();
    }

    @Test
    void keepsSafeLinksAndOpensThemElsewhere() {
        assertThat(Markdown.render("[site](https://example.org/a?b=1&c=2)")).isEqualTo(
                "<p><a href=\"https://example.org/a?b=1&amp;c=2\" rel=\"nofollow noopener noreferrer\" target=\"_blank\">"
                        + "site</a></p>\n");
        assertThat(Markdown.render("<mailto:bob@example.org>")).contains("href=\"mailto:bob@example.org\"");
        assertThat(Markdown.render("<http://example.org>")).contains("href=\"http://example.org\"");
    }

    @Test
    void rawHtmlIsShownAsText() {
        assertThat(Markdown.render("<b>bold</b>")).isEqualTo("<p>&lt;b&gt;bold&lt;/b&gt;</p>\n");
        assertThat(Markdown.render("<script>alert(1)</script>")).isEqualTo("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n");
    }

    @Test
    void aLinkToAForbiddenAddressKeepsOnlyItsText() {
        assertThat(Markdown.render("[click](javascript:alert(1))")).isEqualTo("<p>click</p>\n");
        assertThat(Markdown.render("[click](/api/logout)")).isEqualTo("<p>click</p>\n");
    }

    @Test
    void imagesFromElsewhereAreReplacedByTheirDescription() {
        assertThat(Markdown.render("![a cat](https://tracker.example/pixel.png)"))
                .contains("[image: a cat]").doesNotContain("<img").doesNotContain("tracker.example");
        assertThat(Markdown.render("![me](/api/files/x)")).doesNotContain("<img");
        String png = "data:image/png;base64,iVBORw0KGgo=";
        assertThat(Markdown.render("![dot](" + png + ")")).isEqualTo("<p><img src=\"" + png + "\" alt=\"dot\" /></p>\n");
        assertThat(Markdown.render("![svg](data:image/svg+xml;base64,PHN2Zz4=)")).doesNotContain("<img");
        assertThat(Markdown.render("![html](data:text/html;base64,PHNjcmlwdD4=)")).doesNotContain("<img");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<script>window.__pwned=1</script>",
            "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
            "<img src=x onerror=\"window.__pwned=1\">",
            "<img src=x onerror=window.__pwned=1>",
            "<svg onload=alert(1)>",
            "<iframe src=\"javascript:alert(1)\"></iframe>",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<div style=\"background:url(javascript:alert(1))\">x</div>",
            "[x](javascript:alert(1))",
            "[x](JaVaScRiPt:alert(1))",
            "[x](&#106;avascript:alert(1))",
            "[x](&#x6A;avascript&colon;alert(1))",
            "[x](<javascript:alert(1)>)",
            "[x](vbscript:msgbox(1))",
            "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            "[x](\" onmouseover=\"alert(1))",
            "[x](https://ok.example \"title\\\" onmouseover=\\\"alert(1)\")",
            "<javascript:alert(1)>",
            "<JAVASCRIPT:alert(1)>",
            "[x][ref]\n\n[ref]: javascript:alert(1)",
            "[x][ref]\n\n[ref]: https://ok.example \"t\\\" onclick=\\\"alert(1)\"",
            "![x](javascript:alert(1))",
            "![x\" onerror=\"alert(1)](https://example.org/a.png)",
            "![x](data:image/png;base64,AAAA\" onerror=\"alert(1))",
            "![x](https://example.org/a.png\" onerror=\"alert(1))",
            "![<img src=x onerror=alert(1)>](data:image/png;base64,AAAA)",
            "&lt;script&gt;alert(1)&lt;/script&gt;",
            "&#60;script&#62;alert(1)&#60;/script&#62;",
            "```html\n<script>alert(1)</script>\n```",
            "```\" onmouseover=\"alert(1)\nx\n```",
            "<!-- --><script>alert(1)</script>",
            "<![CDATA[<script>alert(1)</script>]]>",
            "<style>body{display:none}</style>",
            "<form action=\"https://evil.example\"><button>go</button></form>",
            "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
            "[x](java\tscript:alert(1))",
            "[x](https://ok.example/\u0000javascript:alert(1))",
    })
    void hostileInputCarriesNoExecutableVector(String hostile) {
        String html = Markdown.render(hostile);
        assertSafe(html);
        assertSafe(Markdown.render("before\n\n" + hostile + "\n\n**after**"));
    }

    /** Every tag is one markdown makes, with only harmless attributes, and every address is allowed. */
    static void assertSafe(String html) {
        Matcher tags = TAG.matcher(html);
        StringBuilder outside = new StringBuilder();
        int last = 0;
        while (tags.find()) {
            outside.append(html, last, tags.start());
            last = tags.end();
            String name = tags.group(2).toLowerCase(java.util.Locale.ROOT);
            assertThat(TAGS).as("tag <%s> in %s", name, html).contains(name);
            Matcher attributes = ATTRIBUTE.matcher(tags.group(3));
            while (attributes.find()) {
                String attribute = attributes.group(1).toLowerCase(java.util.Locale.ROOT);
                String value = attributes.group(2);
                assertThat(ATTRIBUTES).as("attribute %s in %s", attribute, html).contains(attribute);
                if (attribute.equals("href")) {
                    assertThat(Markdown.allowedLink(unescape(value))).as("href %s in %s", value, html).isTrue();
                }
                if (attribute.equals("src")) {
                    assertThat(Markdown.allowedImage(unescape(value))).as("src %s in %s", value, html).isTrue();
                }
            }
        }
        outside.append(html.substring(last));
        assertThat(outside.toString()).as("text outside tags of %s", html).doesNotContain("<", ">");
    }

    private static String unescape(String value) {
        return value.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
