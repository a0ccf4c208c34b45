package chatlab.net;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;

/** Tests that drive runs through a real Toxiproxy: skipped without one, except in CI, where that fails. */
public final class NeedsToxiproxy {
    private NeedsToxiproxy() {
    }

    public static void assume() {
        boolean present = System.getenv("TOXIPROXY_URL") != null
                || Files.isExecutable(Toxiproxies.projectRoot().resolve(".tools/bin/toxiproxy-server"));
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("CI must run the simulation through Toxiproxy. " + Toxiproxies.INSTRUCTIONS);
        }
        assumeTrue(present, Toxiproxies.INSTRUCTIONS);
    }
}
