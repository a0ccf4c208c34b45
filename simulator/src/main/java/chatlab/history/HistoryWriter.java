package chatlab.history;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.zip.GZIPOutputStream;

/**
 * Appends a run's events to {@code history.jsonl.gz}, one JSON object per line, in the order of
 * their index. Any thread may append; one writer thread encodes and compresses, so the
 * simulated users never wait for the disk. The writer takes what was appended every
 * {@link #PERIOD_NANOS} rather than being woken for each event: under load that is thousands of
 * thread wake-ups a second fewer in the process that makes the load.
 */
public final class HistoryWriter implements AutoCloseable {
    private static final ObjectWriter JSON = JsonMapper.builder().build().writerFor(Event.class);

    static final long PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final ConcurrentLinkedQueue<Event> queue = new ConcurrentLinkedQueue<>();
    private final BufferedWriter out;
    private final Thread writer;
    private long next;
    private volatile boolean closing;
    private volatile IOException failure;

    private HistoryWriter(BufferedWriter out) {
        this.out = out;
        this.writer = Thread.ofPlatform().daemon().name("history-writer").start(this::drain);
    }

    public static HistoryWriter open(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        var stream = Files.newOutputStream(file);
        var compressed = file.toString().endsWith(".gz") ? new GZIPOutputStream(stream, 1 << 16) : stream;
        return new HistoryWriter(new BufferedWriter(new OutputStreamWriter(compressed, StandardCharsets.UTF_8), 1 << 16));
    }

    /** Appends an event, giving it the next index; returns that index. */
    public long append(Event event) {
        synchronized (this) {
            long index = next++;
            queue.add(event.withIndex(index));
            return index;
        }
    }

    /** How many events were appended. */
    public synchronized long count() {
        return next;
    }

    private void drain() {
        try {
            while (true) {
                boolean last = closing; // read before the queue, so nothing appended before close() is left behind
                for (Event e = queue.poll(); e != null; e = queue.poll()) {
                    out.write(JSON.writeValueAsString(e));
                    out.write('\n');
                }
                if (last) {
                    return;
                }
                LockSupport.parkNanos(this, PERIOD_NANOS); // close() unparks at once
            }
        } catch (IOException e) {
            failure = e;
        }
    }

    /** Writes what is queued and closes the file. */
    @Override
    public void close() {
        closing = true;
        LockSupport.unpark(writer);
        try {
            writer.join();
            out.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException("closing the history failed", e);
        }
        if (failure != null) {
            throw new UncheckedIOException("writing the history failed", failure);
        }
    }
}
