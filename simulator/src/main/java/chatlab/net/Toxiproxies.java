package chatlab.net;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds a Toxiproxy, in this order: {@code TOXIPROXY_URL}; a {@code toxiproxy-server} binary,
 * started on a free port; Testcontainers' Toxiproxy container where Docker runs. chatlab never
 * fakes faults: when none is found, the caller gets instructions.
 */
public final class Toxiproxies {
    /** What to tell a user who has no Toxiproxy. */
    public static final String INSTRUCTIONS = """
            No Toxiproxy is available, so network faults cannot be injected. Any one of these fixes it:
              - run ./lab test or ./lab simulate once: they install toxiproxy-server into .tools/bin with Go;
              - put toxiproxy-server on the PATH (go install github.com/Shopify/toxiproxy/v2/cmd/server@v2.5.0,
                then rename the binary 'server' to 'toxiproxy-server');
              - start a Toxiproxy yourself and set TOXIPROXY_URL=http://host:8474;
              - run where a Docker engine is available (Testcontainers starts a Toxiproxy container).""";

    private Toxiproxies() {
    }

    /** Finds or starts a Toxiproxy; throws {@link ToxiproxyUnavailableException} with instructions if none. */
    public static ToxiproxyEnvironment locate(Path projectRoot, long seed) {
        String url = System.getenv("TOXIPROXY_URL");
        if (url != null && !url.isBlank()) {
            return ExternalToxiproxy.connect(url);
        }
        Optional<Path> binary = binary(projectRoot);
        if (binary.isPresent()) {
            return ToxiproxyProcess.start(binary.get(), seed);
        }
        if (ContainerToxiproxy.dockerAvailable()) {
            return ContainerToxiproxy.start();
        }
        throw new ToxiproxyUnavailableException(INSTRUCTIONS);
    }

    /** The toxiproxy-server binary: {@code TOXIPROXY_SERVER}, then .tools/bin, then the PATH. */
    static Optional<Path> binary(Path projectRoot) {
        String explicit = System.getenv("TOXIPROXY_SERVER");
        if (explicit != null && Files.isExecutable(Path.of(explicit))) {
            return Optional.of(Path.of(explicit));
        }
        if (projectRoot != null) {
            Path local = projectRoot.resolve(".tools/bin/toxiproxy-server");
            if (Files.isExecutable(local)) {
                return Optional.of(local);
            }
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                Path candidate = Path.of(dir, "toxiproxy-server");
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** The project root: the {@code chatlab.root} property, or the nearest folder upwards holding {@code lab}. */
    public static Path projectRoot() {
        String property = System.getProperty("chatlab.root");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("lab")) && Files.isDirectory(dir.resolve("system"))) {
                return dir;
            }
        }
        return null;
    }
}
