package chatlab.driver;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Tests that drive another project's server (mosquitto, ngircd): skipped without it, except in CI, where that fails. */
public final class NeedsPeer {
    private NeedsPeer() {
    }

    public static void assume(PeerServer.Program program) {
        boolean present = program.installed();
        String instructions = program.name() + " is not installed: ./lab test installs Debian's package "
                + program.debianPackage();
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("CI must run these tests against a real " + program.name() + ". " + instructions);
        }
        assumeTrue(present, instructions);
    }
}
