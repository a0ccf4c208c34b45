package chatlab.driver;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import chatlab.driver.mqtt.Mosquitto;

/** Tests that drive a real mosquitto: skipped without one, except in CI, where that fails. */
public final class NeedsMosquitto {
    private static final String INSTRUCTIONS = "mosquitto is not installed: ./lab test installs Debian's package mosquitto";

    private NeedsMosquitto() {
    }

    public static void assume() {
        boolean present = Mosquitto.installed();
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("CI must run the MQTT tests against a real mosquitto. " + INSTRUCTIONS);
        }
        assumeTrue(present, INSTRUCTIONS);
    }
}
