package chatlab.cli;

import chatlab.tls.ChannelSecurity;
import chatlab.tls.KnownServers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;
import picocli.CommandLine.Option;

/**
 * How a client secures its connection to the server, as every client's command line takes it
 * (a picocli mixin): TLS trusting the server on first use by default, or a pinned fingerprint,
 * a certificate authority, or plaintext on purpose.
 */
public final class TlsOptions {
    @Option(names = "--plaintext", description = "Connect without TLS, to a server started with --plaintext.")
    private boolean plaintext;

    @Option(names = "--trust", paramLabel = "SHA256:...", description = "Trust only the server whose certificate has this fingerprint (the server prints it at start).")
    private String trust;

    @Option(names = "--ca", paramLabel = "FILE", description = "Trust servers whose certificate a certificate authority in FILE (PEM) signed for their host name.")
    private Path ca;

    @Option(names = "--known-servers", paramLabel = "FILE", description = "Where servers met before are recorded, trusted on first use (default: ~/.chatlab/known_servers).")
    private Path knownServers;

    /**
     * TLS trusting the server on first use, unless one of --plaintext, --trust or --ca says
     * otherwise; {@code say} is told when a server is met for the first time. Throws
     * {@link IllegalArgumentException} for options that contradict each other or a missing file.
     */
    public ChannelSecurity security(Consumer<String> say) {
        long chosen = Stream.of(plaintext ? "" : null, trust, ca).filter(Objects::nonNull).count();
        if (chosen > 1 || (knownServers != null && chosen > 0)) {
            throw new IllegalArgumentException("choose one of --plaintext, --trust, --ca and --known-servers");
        }
        if (plaintext) {
            return new ChannelSecurity.Plaintext();
        }
        if (trust != null) {
            return new ChannelSecurity.Pinned(trust);
        }
        if (ca != null) {
            if (!Files.isRegularFile(ca)) {
                throw new IllegalArgumentException("--ca: no file " + ca);
            }
            return new ChannelSecurity.Authority(ca);
        }
        KnownServers known = knownServers != null ? KnownServers.in(knownServers) : KnownServers.atDefaultPlace();
        return new ChannelSecurity.TrustOnFirstUse(known, fingerprint -> say.accept(
                "First connection to this server: it presented certificate " + fingerprint + ", now recorded in "
                        + known.file() + ". Check it against the fingerprint the server printed at start."));
    }
}
