package chatlab.testing;

import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** A JLine terminal fed line by line by a test, whose output the test can wait on. */
public final class ScriptedTerminal implements AutoCloseable {
    private static final byte[] EOF = new byte[0];

    private final BlockingQueue<byte[]> lines = new LinkedBlockingQueue<>();
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final Terminal terminal;
    private int mark;

    public ScriptedTerminal() throws IOException {
        terminal = TerminalBuilder.builder().system(false).type("dumb").streams(new Input(), output)
                .encoding(StandardCharsets.UTF_8).build();
        // no echo: lines typed before the client reads them would otherwise be printed back, as a pipe never does
        terminal.echo(false);
    }

    public Terminal terminal() {
        return terminal;
    }

    /** Types a line, as if followed by Enter. */
    public ScriptedTerminal type(String line) {
        lines.add((line + "\n").getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** Ends the input, as Ctrl+D would. */
    public void endInput() {
        lines.add(EOF);
    }

    /** Everything printed so far. */
    public synchronized String output() {
        return output.toString(StandardCharsets.UTF_8);
    }

    /** Waits until {@code text} is printed after the previous expectation, and moves past it. */
    public ScriptedTerminal expect(String text) {
        int from = mark;
        await().atMost(Recorder.WAIT).untilAsserted(() ->
                org.assertj.core.api.Assertions.assertThat(output().substring(from)).as("terminal output").contains(text));
        mark = output().indexOf(text, from) + text.length();
        return this;
    }

    /**
     * Waits until a whole line reading exactly {@code line} is printed after the previous
     * expectation, and moves past it: for exact wording, where a longer line must not pass.
     * A prompt that the line was printed after does not count against it.
     */
    public ScriptedTerminal expectLine(String line) {
        int from = mark;
        java.util.regex.Pattern whole = java.util.regex.Pattern.compile("(?m)^(?:[^\\n]*> |Password: )?"
                + java.util.regex.Pattern.quote(line) + "\\r?$");
        await().atMost(Recorder.WAIT).untilAsserted(() -> org.assertj.core.api.Assertions.assertThat(
                whole.matcher(output().substring(from)).find()).as("a line reading exactly '" + line + "' in:\n"
                + output().substring(from)).isTrue());
        java.util.regex.Matcher m = whole.matcher(output().substring(from));
        m.find();
        mark = from + m.end();
        return this;
    }

    @Override
    public void close() throws IOException {
        terminal.close();
    }

    /** Hands out the typed lines one at a time, blocking while there are none. */
    private final class Input extends InputStream {
        private byte[] current = new byte[0];
        private int pos;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (pos == current.length) {
                try {
                    current = lines.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return -1;
                }
                pos = 0;
                if (current == EOF) {
                    lines.add(EOF);
                    return -1;
                }
            }
            int n = Math.min(len, current.length - pos);
            System.arraycopy(current, pos, b, off, n);
            pos += n;
            return n;
        }
    }
}
