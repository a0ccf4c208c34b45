package chatlab.p2p.trace;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Transfer traces as JSON Lines: the header on the first line, then one event per line, in time
 * order (docs/TRACES.md). Unknown fields are ignored when reading, so a newer trace with more to
 * say still reads.
 */
public final class TraceFile {
    /** The most events a trace may hold to be read back: a 2 GiB file sends about this many datagrams. */
    public static final int MAX_EVENTS = 5_000_000;

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();
    /**
     * Built when the first trace opens, before its transfer starts: building a serializer takes
     * tens of milliseconds, which would otherwise delay the transfer's first datagram.
     */
    private static final ObjectWriter EVENTS = MAPPER.writerFor(TraceEvent.class);
    private static final ObjectWriter HEADERS = MAPPER.writerFor(TraceHeader.class);

    static {
        try { // and the first event written takes a few milliseconds more, unless one was written before
            EVENTS.writeValueAsString(new TraceEvent(0, TraceEvent.Type.SEND, Side.SENDER, "DATA", 0L, 0L, 0L, 0L, 0, 0, 0,
                    0L, 0L, 0L, 0L, "gbn", 0, 0, 0L));
        } catch (JsonProcessingException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private TraceFile() {
    }

    /** Writes a trace one line at a time. Not thread-safe: {@link TraceRecorder} holds its lock around it. */
    public static final class Writer implements Closeable {
        private final java.io.Writer out;

        public Writer(java.io.Writer out) {
            this.out = out;
        }

        /** A writer to {@code file}, replacing it; its folder is made if need be. */
        public static Writer create(Path file) throws IOException {
            Path folder = file.toAbsolutePath().getParent();
            if (folder != null) {
                Files.createDirectories(folder);
            }
            return new Writer(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
        }

        public void header(TraceHeader header) throws IOException {
            out.write(HEADERS.writeValueAsString(header));
            out.write('\n');
        }

        public void event(TraceEvent event) throws IOException {
            out.write(EVENTS.writeValueAsString(event));
            out.write('\n');
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /** Writes a whole trace to {@code file}. */
    public static void write(Path file, Trace trace) throws IOException {
        try (Writer writer = new Writer(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            writer.header(trace.header());
            for (TraceEvent e : trace.events()) {
                writer.event(e);
            }
        }
    }

    /** Reads a trace; an error names the file and the line that is wrong. */
    public static Trace read(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new IOException("no such trace file: " + file, e);
        }
    }

    /** Reads a trace from {@code in}, called {@code name} in errors. */
    public static Trace read(BufferedReader in, String name) throws IOException {
        String first = in.readLine();
        if (first == null || first.isBlank()) {
            throw new IOException(name + " is empty: a trace starts with its header line");
        }
        TraceHeader header;
        try {
            header = MAPPER.readValue(first, TraceHeader.class);
        } catch (JsonProcessingException e) {
            throw new IOException(name + ", line 1: not a trace header: " + reason(e), e);
        }
        List<TraceEvent> events = new ArrayList<>();
        int lineNumber = 1;
        String line;
        while ((line = in.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            if (events.size() == MAX_EVENTS) {
                throw new IOException(name + " has more than " + MAX_EVENTS + " events; trace a shorter transfer");
            }
            try {
                events.add(MAPPER.readValue(line, TraceEvent.class));
            } catch (JsonProcessingException e) {
                throw new IOException(name + ", line " + lineNumber + ": not a trace event: " + reason(e), e);
            }
        }
        return new Trace(header, events).completed();
    }

    private static String reason(JsonProcessingException e) {
        Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
        String message = cause instanceof JsonProcessingException j ? j.getOriginalMessage() : cause.getMessage();
        return message == null ? cause.toString() : message;
    }
}
