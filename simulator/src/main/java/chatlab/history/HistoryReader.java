package chatlab.history;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/** Reads a history written by {@link HistoryWriter}, compressed or not. */
public final class HistoryReader {
    private static final ObjectReader JSON = JsonMapper.builder()
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build().readerFor(Event.class);

    private HistoryReader() {
    }

    /** Calls {@code each} with every event, in file order. */
    public static void read(Path file, Consumer<Event> each) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            long number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    each.accept(JSON.readValue(line));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IOException(file + " line " + number + " is not an event: " + e.getOriginalMessage(), e);
                }
            }
        }
    }

    /** Every event, ordered by index. */
    public static List<Event> readAll(Path file) throws IOException {
        List<Event> events = new ArrayList<>();
        read(file, events::add);
        events.sort(Comparator.comparingLong(Event::i));
        return events;
    }
}
