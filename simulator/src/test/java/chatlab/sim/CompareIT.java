package chatlab.sim;

import static org.assertj.core.api.Assertions.assertThat;

import chatlab.cmd.CompareMain;
import chatlab.lab.Json;
import chatlab.report.CompareReport;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** ./lab compare, small: chat-core against chatlab, mosquitto, ngircd and prosody, one report; and a scenario one server cannot express, refused. */
class CompareIT {
    @TempDir
    Path dir;

    @Test
    void oneScenarioAgainstEveryServerIsReportedSideBySide() throws Exception {
        chatlab.driver.NeedsPeer.assume(chatlab.driver.mqtt.Mosquitto.PROGRAM);
        chatlab.driver.NeedsPeer.assume(chatlab.driver.irc.Ngircd.PROGRAM);
        chatlab.driver.NeedsPeer.assume(chatlab.driver.xmpp.Prosody.PROGRAM);
        Path out = dir.resolve("cmp");
        int code = new CommandLine(new CompareMain()).execute("scenarios/chat-core.yaml", "--duration", "4s",
                "--set", "drain=10s", "--set", "groups.talk.users=8", "--out", out.toString());
        assertThat(code).isZero();
        CompareReport.Comparison c = Json.read(out.resolve(CompareReport.FILE), CompareReport.Comparison.class);
        assertThat(c.runs()).extracting(CompareReport.Run::server).containsExactly("chatlab", "mosquitto", "ngircd", "prosody");
        assertThat(c.ended()).isNotNull();
        String md = Files.readString(out.resolve("summary.md"));
        assertThat(md).contains("| chatlab | chatlab | exactly once, in order per sender | delivery valid")
                .contains("| mosquitto | mqtt | at least once, in order per sender on each route, not across a crash, each of several "
                        + "recipients on its own | delivery valid")
                .contains("| ngircd | irc | at most once, in order per sender, not across a crash, only to users online, "
                        + "each of several recipients on its own | delivery valid")
                .contains("| prosody | xmpp | at most once, in order per sender on each route, not across a crash, broadcast and group "
                        + "only to users online, each of several recipients on its own | delivery valid");
        assertThat(out.resolve("deliver-by-server.png")).exists();
        assertThat(Files.readString(out.resolve("index.html"))).contains("deliver-by-server");
        // the report rebuilds from the runs' files alone
        Files.delete(out.resolve("summary.md"));
        assertThat(new CommandLine(new chatlab.cmd.ReportMain()).execute("compare", out.toString())).isZero();
        assertThat(Files.readString(out.resolve("summary.md"))).isEqualTo(md);
    }

    @Test
    void aScenarioOneServerCannotExpressIsRefusedBeforeAnythingRuns() {
        java.io.StringWriter err = new java.io.StringWriter();
        CommandLine compare = new CommandLine(new CompareMain());
        compare.setErr(new java.io.PrintWriter(err, true));
        Path out = dir.resolve("refused");
        assertThat(compare.execute("scenarios/smoke.yaml", "--out", out.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("scenario smoke cannot run against every server:")
                .contains("mosquitto: group team: MQTT cannot express 'post'");
        assertThat(out).doesNotExist();
        assertThat(compare.execute("scenarios/chat-core.yaml", "--servers", "chatlab,chatlab")).isEqualTo(2);
        assertThat(err.toString()).contains("--servers names chatlab twice");
    }
}
