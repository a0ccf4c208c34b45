package chatlab.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * Every command's {@code --help} renders without picocli's warnings: a bare {@code %} in a
 * description is read as a format and printed to the user's terminal as a warning.
 */
class HelpTextTest {
    @ParameterizedTest
    @ValueSource(classes = {chatlab.cmd.GbnMain.class, chatlab.cmd.ReportMain.class, chatlab.cmd.FuzzMain.class,
        chatlab.cmd.MergeMain.class, chatlab.cmd.SimulateMain.class, chatlab.cmd.BenchMain.class,
        chatlab.server.ServerMain.class, chatlab.client.terminal.ClientMain.class, chatlab.cmd.CompareMain.class,
        chatlab.cmd.CrossCheckMain.class, chatlab.cmd.RelaysMain.class})
    void helpRendersWithoutWarnings(Class<?> command) {
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> usages = new ArrayList<>();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            collect(new CommandLine(command), usages);
        } finally {
            System.setErr(saved);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("WARN");
        assertThat(usages).allSatisfy(usage -> assertThat(usage).contains("Usage:").doesNotContain("%n"));
    }

    private static void collect(CommandLine line, List<String> usages) {
        usages.add(line.getUsageMessage(CommandLine.Help.Ansi.OFF));
        line.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, usages));
    }
}
