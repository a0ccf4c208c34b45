package chatlab.driver;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import chatlab.driver.irc.Ngircd;

/** Tests that drive a real ngircd: skipped without one, except in CI, where that fails. */
public final class NeedsNgircd {
    private static final String INSTRUCTIONS = "ngircd is not installed: ./lab test installs Debian's package ngircd";

    private NeedsNgircd() {
    }

    public static void assume() {
        boolean present = Ngircd.installed();
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("CI must run the IRC tests against a real ngircd. " + INSTRUCTIONS);
        }
        assumeTrue(present, INSTRUCTIONS);
    }
}
