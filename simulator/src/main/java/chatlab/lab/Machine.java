package chatlab.lab;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The machine a run happened on, recorded with every run so that figures can be compared fairly. */
public record Machine(String host, String os, String arch, int cores, String cpu, long memoryMiB, String java) {

    public static Machine current() {
        return new Machine(readHost(), System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors(), readCpu(), readMemoryMiB(),
                Runtime.version().toString());
    }

    private static String readHost() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String readCpu() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static long readMemoryMiB() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024).findFirst().orElse(0L);
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    /** One line for reports: "2 cores (AMD EPYC…), 23.5 GiB, Linux 6.1 amd64, Java 25.0.3". */
    public String describe() {
        return String.format(Locale.ROOT, "%d cores (%s), %.1f GiB, %s %s, Java %s", cores, cpu,
                memoryMiB / 1024.0, os, arch, java);
    }
}
