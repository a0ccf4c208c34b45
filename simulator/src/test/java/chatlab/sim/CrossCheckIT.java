package chatlab.sim;

import chatlab.cmd.CrossCheckMain;
import chatlab.run.SimRun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import chatlab.lab.Json;
import chatlab.report.CrossCheckReport;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** ./lab crosscheck, small: a light unicast load against mosquitto and ejabberd from the lab and from a real Tsung. */
class CrossCheckIT {
    @TempDir
    Path dir;

    @BeforeEach
    void needsTsung() {
        boolean present = Tsung.installed();
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("CI must run the cross-check against a real Tsung: ./lab test installs Debian's tsung");
        }
        assumeTrue(present, "Tsung is not installed: ./lab test installs Debian's package tsung");
    }

    @Test
    void theLabAndTsungOfferTheSameLoadAndTheReportSetsThemSideBySide() throws Exception {
        chatlab.driver.NeedsPeer.assume(chatlab.driver.mqtt.Mosquitto.PROGRAM);
        Path out = dir.resolve("cc");
        int code = new CommandLine(new CrossCheckMain()).execute("unicast-capacity", "--set", "groups.senders.users=10",
                "--set", "groups.senders.think=50ms", "--set", "warmUp=4s", "--duration", "8s", "--out", out.toString());
        assertThat(code).as("0 agree, 1 differ; never 2").isIn(0, 1);
        CrossCheckReport.CrossCheck check = Json.read(out.resolve(CrossCheckReport.FILE), CrossCheckReport.CrossCheck.class);
        assertThat(check.load()).startsWith("10 users, each sending a unicast message");
        CrossCheckReport.Tsung tsung = check.tsung();
        // ten users offering one message each 50 ms and an answer: at most 200 a second, and Tsung must have seen most of it
        assertThat(tsung.publishedPerSecond()).isBetween(50.0, 200.0);
        assertThat(tsung.deliveredPerSecond()).as("every message has its subscriber").isBetween(
                tsung.publishedPerSecond() * 0.9, tsung.publishedPerSecond() * 1.1);
        assertThat(tsung.sendMeanMs()).isPositive();
        assertThat(Files.readString(out.resolve("tsung").resolve("tsung.xml"))).contains("maxnumber=\"10\"");
        String md = Files.readString(out.resolve("summary.md"));
        assertThat(md).contains("| messages sent a second |").contains("| deliveries a second |")
                .contains("| send to acknowledgement, mean |").contains("| simulated users per GiB of it |")
                .contains("Why the figures may differ");
        assertThat(out.resolve("chatlab").resolve(SimRun.FILE)).exists();
        assertThat(Files.readString(out.resolve("index.html"))).contains("Tsung 1.7.0");
    }

    @Test
    void overXmppTsungTimesDeliveriesFromItsStampAndTheReportSetsThemBesideTheLabs() throws Exception {
        chatlab.driver.NeedsPeer.assume(chatlab.driver.Ejabberd.XMPP);
        Path out = dir.resolve("xmpp");
        int code = new CommandLine(new CrossCheckMain()).execute("unicast-capacity", "--server", "ejabberd", "--set",
                "groups.senders.users=10", "--set", "groups.senders.think=50ms", "--set", "warmUp=4s", "--duration", "8s",
                "--out", out.toString());
        assertThat(code).as("0 agree, 1 differ; never 2").isIn(0, 1);
        CrossCheckReport.CrossCheck check = Json.read(out.resolve(CrossCheckReport.FILE), CrossCheckReport.CrossCheck.class);
        assertThat(check.serverName()).isEqualTo("ejabberd");
        CrossCheckReport.Tsung tsung = check.tsung();
        // ten senders, one message each 50 ms and the ping's answer: at most 200 a second
        assertThat(tsung.publishedPerSecond()).isBetween(50.0, 200.0);
        assertThat(tsung.deliveredPerSecond()).as("most deliveries timed at this light load")
                .isBetween(tsung.publishedPerSecond() * 0.5, tsung.publishedPerSecond() * 1.1);
        assertThat(tsung.sendMeanMs()).isPositive();
        assertThat(tsung.deliverMeanMs()).isPositive().isLessThan(1_000.0);
        assertThat(out.resolve("tsung").resolve("ejabberd.yml")).exists();
        String md = Files.readString(out.resolve("summary.md"));
        assertThat(md).contains("| send to delivery, mean |").contains("| send to the answer to the ping behind it, mean |")
                .contains("| deliveries a second (Tsung: those it timed) |").contains("not judged")
                .contains("Nagle's algorithm");
        SimRun run = Json.read(out.resolve("chatlab").resolve(SimRun.FILE), SimRun.class);
        assertThat(run.driver()).isEqualTo("xmpp");
    }

    @Test
    void aServerTsungsSideIsNotWrittenForIsRefused() {
        java.io.StringWriter err = new java.io.StringWriter();
        CommandLine cc = new CommandLine(new CrossCheckMain());
        cc.setErr(new java.io.PrintWriter(err));
        assertThat(cc.execute("unicast-capacity", "--server", "ngircd", "--out", dir.resolve("no").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("Tsung's side is written for mosquitto and ejabberd, not ngircd");
        assertThat(dir.resolve("no")).doesNotExist();
    }

    @Test
    void aScenarioTsungsSideIsNotWrittenForIsRefusedBeforeAnythingRuns() {
        java.io.StringWriter err = new java.io.StringWriter();
        CommandLine cc = new CommandLine(new CrossCheckMain());
        cc.setErr(new java.io.PrintWriter(err));
        assertThat(cc.execute("chat-core", "--out", dir.resolve("no").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("cannot be cross-checked with Tsung");
        assertThat(dir.resolve("no")).doesNotExist();
    }
}
