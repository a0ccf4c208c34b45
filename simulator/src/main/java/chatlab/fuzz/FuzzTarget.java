package chatlab.fuzz;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A decoder of untrusted bytes and the fuzz test that drives it: a JUnit {@code @FuzzTest} in the
 * test sources of a module, which runs on its committed inputs in every test run and under
 * Jazzer's coverage-guided mutation with {@code ./lab fuzz}.
 */
public record FuzzTarget(String name, String module, String testClass, String method, String decodes) {

    /** Every decoder of bytes from the network or from files people share. */
    public static final List<FuzzTarget> ALL = List.of(
            new FuzzTarget("frames", "system", "chatlab.protocol.FrameDecodingFuzzTest",
                    "bytesFromTheNetworkBecomeMessagesOrProtocolErrors",
                    "the frame reader and the message codec: every byte a server or a client reads"),
            new FuzzTarget("datagrams", "system", "chatlab.p2p.wire.DatagramFuzzTest",
                    "bytesFromAnyoneAreADatagramOrDropped",
                    "the file-transfer datagram codec, on raw bytes from anyone"),
            new FuzzTarget("datagram-bodies", "system", "chatlab.p2p.wire.DatagramFuzzTest",
                    "bodiesFromAPeerWithTheKeyAreADatagramOrDropped",
                    "the file-transfer datagram codec, on bodies sealed with the transfer's key"),
            new FuzzTarget("beacons", "system", "chatlab.p2p.beacon.BeaconFuzzTest",
                    "bytesFromAnyoneAreABeaconOrRefused", "the BlueTrace beacon parser"),
            new FuzzTarget("scenarios", "simulator", "chatlab.workload.ScenarioFuzzTest",
                    "anyTextIsAScenarioOrAClearError", "the scenario-file loader, YAML and JSON"));

    public static Optional<FuzzTarget> named(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** The committed inputs, which every test run replays: {@code <Class>Inputs/<method>} beside the test's package. */
    public Path inputs(Path root) {
        int dot = testClass.lastIndexOf('.');
        return root.resolve(module).resolve("src/test/resources").resolve(testClass.substring(0, dot).replace('.', '/'))
                .resolve(testClass.substring(dot + 1) + "Inputs").resolve(method);
    }

    /** The inputs this machine's runs found new coverage with; kept between runs, never committed. */
    public Path corpus(Path root) {
        return root.resolve(module).resolve("target/fuzz-corpus").resolve(name);
    }

    /** The module's test classes, its classes and its test class path, as the build wrote it. */
    public String classPath(Path root) throws java.io.IOException {
        Path moduleDir = root.resolve(module);
        Path listed = moduleDir.resolve("target/fuzz.classpath");
        if (!java.nio.file.Files.isRegularFile(listed)) {
            throw new java.io.FileNotFoundException("no " + listed + ": run ./lab fuzz, which builds it");
        }
        return String.join(java.io.File.pathSeparator, moduleDir.resolve("target/test-classes").toString(),
                moduleDir.resolve("target/classes").toString(), java.nio.file.Files.readString(listed).strip());
    }
}
