package chatlab.report;

import chatlab.lab.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One process's stats file ({@code --stats} of the server, or a simulator's own), read for the
 * report: each line with its time in seconds since the load began.
 */
record ProcessStatsFile(String process, List<Sample> samples) {
    /** One line: seconds since the load began, and the line's fields. */
    record Sample(double second, JsonNode fields) {
        double get(String name) {
            JsonNode value = fields.get(name);
            return value == null ? Double.NaN : value.asDouble();
        }

        /** The process's CPU nanoseconds since {@code previous}: a restarted process counts from 0 again. */
        double cpuNanosSince(Sample previous) {
            double now = get("cpuNanos");
            double before = previous.get("cpuNanos");
            return now >= before ? now - before : now;
        }
    }

    static ProcessStatsFile read(String process, Path file, long loadStartMillis) throws IOException {
        List<Sample> samples = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                JsonNode node = Json.mapper().readTree(line);
                samples.add(new Sample((node.get("t").asLong() - loadStartMillis) / 1000.0, node));
            }
        }
        return new ProcessStatsFile(process, samples);
    }

    /** Every stats file of a run: the server's, then each simulator process's, by name. */
    static List<ProcessStatsFile> all(Path dir, String serverFile, long loadStartMillis) throws IOException {
        List<ProcessStatsFile> files = new ArrayList<>();
        if (Files.exists(dir.resolve(serverFile))) {
            files.add(read("server", dir.resolve(serverFile), loadStartMillis));
        }
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : list.filter(f -> f.getFileName().toString().matches("simulator-stats.*\\.jsonl")).sorted().toList()) {
                String name = p.getFileName().toString().replace("simulator-stats", "simulator").replace(".jsonl", "")
                        .replace("-", " ");
                files.add(read(name, p, loadStartMillis));
            }
        }
        return files;
    }

    /** The longest value of {@code field} over the whole file, 0 when it has none. */
    double max(String field) {
        return samples.stream().mapToDouble(s -> s.get(field)).filter(v -> !Double.isNaN(v)).max().orElse(0);
    }
}
