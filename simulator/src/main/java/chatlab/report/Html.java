package chatlab.report;

import java.util.List;

/**
 * Builds the lab's report pages: plain HTML with a little CSS, the charts as images, and a
 * script that records how many charts the browser actually displayed (in
 * {@code body[data-charts-shown]}), which the headless-browser test reads.
 */
public final class Html {
    private final StringBuilder body = new StringBuilder();
    private final String title;

    public Html(String title) {
        this.title = title;
    }

    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    public Html heading(int level, String text) {
        body.append("<h").append(level).append('>').append(escape(text)).append("</h").append(level).append(">\n");
        return this;
    }

    public Html paragraph(String text) {
        body.append("<p>").append(escape(text)).append("</p>\n");
        return this;
    }

    /** A paragraph whose text is already HTML. */
    public Html raw(String html) {
        body.append(html).append('\n');
        return this;
    }

    public Html list(List<String> items) {
        body.append("<ul>\n");
        for (String item : items) {
            body.append("  <li>").append(escape(item)).append("</li>\n");
        }
        body.append("</ul>\n");
        return this;
    }

    /** A chart: the PNG shown, the SVG linked, and a caption. */
    public Html chart(String file, String title, String caption) {
        body.append("<figure>\n  <a href=\"").append(file).append(".svg\"><img class=\"chart\" src=\"").append(file)
                .append(".png\" alt=\"").append(escape(title)).append("\"></a>\n  <figcaption>").append(escape(caption))
                .append(" <a href=\"").append(file).append(".svg\">SVG</a></figcaption>\n</figure>\n");
        return this;
    }

    /** A table; the first row is the header. Cells are text, escaped. */
    public Html table(List<List<String>> rows) {
        body.append("<table>\n");
        for (int r = 0; r < rows.size(); r++) {
            String cell = r == 0 ? "th" : "td";
            body.append("  <tr>");
            for (String value : rows.get(r)) {
                body.append('<').append(cell).append('>').append(escape(value)).append("</").append(cell).append('>');
            }
            body.append("</tr>\n");
        }
        body.append("</table>\n");
        return this;
    }

    public String render() {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <title>%s</title>
                <style>
                  body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 1100px; color: #222; }
                  h1 { font-size: 1.6em; } h2 { margin-top: 2em; border-bottom: 1px solid #ddd; }
                  figure { margin: 1.5em 0; } img.chart { max-width: 100%%; border: 1px solid #eee; }
                  figcaption { color: #555; font-size: 0.9em; }
                  table { border-collapse: collapse; font-size: 0.85em; }
                  th, td { border: 1px solid #ddd; padding: 3px 8px; text-align: right; }
                  th { background: #f4f4f4; } td:first-child, th:first-child { text-align: left; }
                  .ok { color: #0a7d32; font-weight: bold; } .missed { color: #b00020; font-weight: bold; }
                  code { background: #f4f4f4; padding: 1px 4px; }
                </style>
                </head>
                <body data-charts-shown="0/0">
                %s
                <script>
                  window.addEventListener('load', function () {
                    var charts = document.querySelectorAll('img.chart');
                    var shown = 0;
                    charts.forEach(function (img) { if (img.complete && img.naturalWidth > 0) { shown++; } });
                    document.body.setAttribute('data-charts-shown', shown + '/' + charts.length);
                  });
                </script>
                </body>
                </html>
                """.formatted(escape(title), body);
    }
}
