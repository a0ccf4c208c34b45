package chatlab.sim;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * How to run a scenario: where it came from (its text is kept in the run), against which
 * server ({@code target} null starts one), as which shard, tagged how, and when: a shard is
 * given the run's {@code origin} and {@code loadStartAt} so that all shards share one clock, or
 * told to {@code awaitStart}: to say READY on stdout once set up, and read START and the
 * load's start (epoch milliseconds) from stdin. {@code security} is how clients trust a target
 * (TLS by default); a server the lab starts is trusted by the fingerprint it prints. {@code server}
 * is which server it is (chatlab's unless said), and so which driver speaks to it. {@code
 * serverCarriers} and {@code carriers} are the carrier threads of the server the lab starts and
 * of each simulator process (null: one per core; see {@link chatlab.cli.Carriers}).
 */
public record SimOptions(String runId, String command, Path scenarioFile, String scenarioText, boolean scenarioJson,
        List<String> overrides, InetSocketAddress target, String tag, Shard shard, Instant origin, Instant loadStartAt,
        boolean awaitStart, boolean noFaults, List<String> serverJvmOptions, chatlab.tls.ChannelSecurity security,
        ServerKind server, Integer serverCarriers, Integer carriers) {
    public SimOptions withRunId(String value) {
        return new SimOptions(value, command, scenarioFile, scenarioText, scenarioJson, overrides, target, tag, shard, origin,
                loadStartAt, awaitStart, noFaults, serverJvmOptions, security, server, serverCarriers, carriers);
    }

    public SimOptions {
        overrides = List.copyOf(overrides);
        serverJvmOptions = List.copyOf(serverJvmOptions);
        server = server == null ? ServerKind.CHATLAB : server;
    }
}
