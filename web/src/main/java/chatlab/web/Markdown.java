package chatlab.web;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;
import org.commonmark.renderer.html.UrlSanitizer;

/**
 * A message's text as safe HTML: CommonMark, with every piece of raw HTML escaped (shown as
 * text), links only to http, https and mailto addresses (any other link keeps its text and
 * loses its address), and images only when they are inline {@code data:} images of a raster
 * type (PNG, JPEG, GIF, WebP). An image from anywhere else is shown as its description: a
 * remote image would tell its owner who read the message and when, and one from this client's
 * own origin could make the reader's browser request its API. So no message can run a script,
 * load a resource from elsewhere or send the reader somewhere without a click on a visible link.
 * Thread-safe.
 */
public final class Markdown {
    private static final int MAX_NESTING = 32;
    private static final Pattern LINK = Pattern.compile("^(?:https?://|mailto:)[^\\s]*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern DATA_IMAGE = Pattern.compile(
            "^data:image/(?:png|jpeg|gif|webp);base64,[A-Za-z0-9+/]+={0,2}$", Pattern.CASE_INSENSITIVE);

    private static final Parser PARSER = Parser.builder().maxInlineNesting(MAX_NESTING).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(new Sanitizer())
            .nodeRendererFactory(SafeLinks::new)
            .build();

    private Markdown() {
    }

    /** The text rendered to HTML that is safe to put in a page as it is. */
    public static String render(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        return RENDERER.render(PARSER.parse(text));
    }

    /** Whether a link may point at {@code url}: absolute http and https addresses, and mailto. */
    static boolean allowedLink(String url) {
        return url != null && LINK.matcher(url).matches() && url.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
    }

    /** Whether an image may come from {@code url}: only base64 data of a raster image type. */
    static boolean allowedImage(String url) {
        return url != null && DATA_IMAGE.matcher(url).matches();
    }

    /** A second line of defence behind {@link SafeLinks}: what it lets through, or nothing. */
    private static final class Sanitizer implements UrlSanitizer {
        @Override
        public String sanitizeLinkUrl(String url) {
            return allowedLink(url) ? url : "";
        }

        @Override
        public String sanitizeImageUrl(String url) {
            return allowedImage(url) ? url : "";
        }
    }

    /** Renders links and images, dropping any address that is not allowed. */
    private static final class SafeLinks implements NodeRenderer {
        private final HtmlNodeRendererContext context;
        private final HtmlWriter html;

        SafeLinks(HtmlNodeRendererContext context) {
            this.context = context;
            this.html = context.getWriter();
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Link.class, Image.class);
        }

        @Override
        public void render(Node node) {
            if (node instanceof Link link) {
                link(link);
            } else if (node instanceof Image image) {
                image(image);
            }
        }

        private void link(Link link) {
            String url = link.getDestination();
            if (!allowedLink(url)) {
                children(link); // the text stays, the address goes
                return;
            }
            Map<String, String> attributes = new java.util.LinkedHashMap<>();
            attributes.put("href", context.urlSanitizer().sanitizeLinkUrl(url));
            if (link.getTitle() != null) {
                attributes.put("title", link.getTitle());
            }
            attributes.put("rel", "nofollow noopener noreferrer");
            attributes.put("target", "_blank");
            html.tag("a", context.extendAttributes(link, "a", attributes));
            children(link);
            html.tag("/a");
        }

        private void image(Image image) {
            String alt = altText(image);
            String url = image.getDestination();
            if (!allowedImage(url)) {
                html.tag("span", Map.of("class", "image-removed", "title", "images are shown only when sent as files"));
                html.text("[image" + (alt.isBlank() ? "" : ": " + alt) + "]");
                html.tag("/span");
                return;
            }
            Map<String, String> attributes = new java.util.LinkedHashMap<>();
            attributes.put("src", context.urlSanitizer().sanitizeImageUrl(url));
            attributes.put("alt", alt);
            html.tag("img", context.extendAttributes(image, "img", attributes), true);
        }

        private void children(Node parent) {
            Node child = parent.getFirstChild();
            while (child != null) {
                Node next = child.getNext();
                context.render(child);
                child = next;
            }
        }

        private static String altText(Node parent) {
            StringBuilder text = new StringBuilder();
            collect(parent, text, 0);
            return text.toString();
        }

        private static void collect(Node parent, StringBuilder text, int depth) {
            if (depth > MAX_NESTING) {
                return;
            }
            for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
                if (child instanceof Text t) {
                    text.append(t.getLiteral());
                } else if (child instanceof Code c) {
                    text.append(c.getLiteral());
                } else if (child instanceof SoftLineBreak || child instanceof HardLineBreak) {
                    text.append('\n');
                } else {
                    collect(child, text, depth + 1);
                }
            }
        }
    }

}
