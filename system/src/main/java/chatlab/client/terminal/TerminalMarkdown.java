package chatlab.client.terminal;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Markdown messages as terminal text: bold, italics, code, headings, lists, quotes and links
 * become styles (which a terminal without them shows as plain text), and HTML is shown as the
 * text it is, never interpreted. Parsed with commonmark-java.
 */
final class TerminalMarkdown {
    private static final Parser PARSER = Parser.builder().build();

    private TerminalMarkdown() {
    }

    /** The message as styled text, without a trailing newline. */
    static AttributedString render(String source) {
        Renderer renderer = new Renderer();
        PARSER.parse(source).accept(renderer);
        String text = renderer.out.toString();
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '\n') {
            end--;
        }
        return renderer.out.subSequence(0, end);
    }

    private static final class Renderer extends AbstractVisitor {
        final AttributedStringBuilder out = new AttributedStringBuilder();
        private String indent = "";

        private void styled(AttributedStyle style, Node node) {
            AttributedStyle before = out.style();
            out.style(style.equals(AttributedStyle.DEFAULT) ? before : merge(before, style));
            visitChildren(node);
            out.style(before);
        }

        private static AttributedStyle merge(AttributedStyle base, AttributedStyle add) {
            AttributedStyle style = base;
            if (add == AttributedStyle.BOLD) {
                style = style.bold();
            } else if (add == ITALIC) {
                style = style.italic();
            } else if (add == UNDERLINE) {
                style = style.underline();
            } else if (add == CODE) {
                style = style.foreground(AttributedStyle.CYAN);
            }
            return style;
        }

        private static final AttributedStyle ITALIC = AttributedStyle.DEFAULT.italic();
        private static final AttributedStyle UNDERLINE = AttributedStyle.DEFAULT.underline();
        private static final AttributedStyle CODE = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);

        private void endBlock(Node node) {
            out.append('\n');
            if (node.getNext() != null && !(node.getParent() instanceof ListItem)) {
                out.append(indent);
            }
        }

        @Override
        public void visit(Paragraph paragraph) {
            visitChildren(paragraph);
            endBlock(paragraph);
        }

        @Override
        public void visit(Heading heading) {
            styled(AttributedStyle.BOLD, heading);
            endBlock(heading);
        }

        @Override
        public void visit(StrongEmphasis strong) {
            styled(AttributedStyle.BOLD, strong);
        }

        @Override
        public void visit(Emphasis emphasis) {
            styled(ITALIC, emphasis);
        }

        @Override
        public void visit(Code code) {
            out.styled(merge(out.style(), CODE), code.getLiteral());
        }

        @Override
        public void visit(Text text) {
            out.append(text.getLiteral());
        }

        @Override
        public void visit(SoftLineBreak softLineBreak) {
            out.append(' ');
        }

        @Override
        public void visit(HardLineBreak hardLineBreak) {
            out.append('\n').append(indent);
        }

        @Override
        public void visit(Link link) {
            styled(UNDERLINE, link);
            out.append(" <").append(link.getDestination()).append('>');
        }

        @Override
        public void visit(Image image) {
            out.append("[image: ");
            visitChildren(image);
            out.append("] <").append(image.getDestination()).append('>');
        }

        @Override
        public void visit(FencedCodeBlock block) {
            code(block.getLiteral(), block);
        }

        @Override
        public void visit(IndentedCodeBlock block) {
            code(block.getLiteral(), block);
        }

        private void code(String literal, Node block) {
            String[] lines = literal.stripTrailing().split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                out.styled(CODE, "  " + lines[i]);
                if (i < lines.length - 1) {
                    out.append('\n').append(indent);
                }
            }
            endBlock(block);
        }

        @Override
        public void visit(HtmlInline html) {
            out.append(html.getLiteral());
        }

        @Override
        public void visit(HtmlBlock html) {
            out.append(html.getLiteral().stripTrailing());
            endBlock(html);
        }

        @Override
        public void visit(BlockQuote quote) {
            String outer = indent;
            indent = outer + "│ ";
            out.append("│ ");
            visitChildren(quote);
            indent = outer;
        }

        @Override
        public void visit(BulletList list) {
            int i = 0;
            for (Node item = list.getFirstChild(); item != null; item = item.getNext(), i++) {
                item(i == 0 ? "• " : indent + "• ", item);
            }
        }

        @Override
        public void visit(OrderedList list) {
            int number = list.getMarkerStartNumber() == null ? 1 : list.getMarkerStartNumber();
            for (Node item = list.getFirstChild(); item != null; item = item.getNext(), number++) {
                String marker = number + ". ";
                item(item == list.getFirstChild() ? marker : indent + marker, item);
            }
        }

        private void item(String marker, Node item) {
            out.append(marker);
            String outer = indent;
            indent = outer + "  ";
            visitChildren(item);
            indent = outer;
        }

        @Override
        public void visit(ThematicBreak thematicBreak) {
            out.append("────────");
            endBlock(thematicBreak);
        }
    }
}
