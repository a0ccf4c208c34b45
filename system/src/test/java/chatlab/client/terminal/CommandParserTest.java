package chatlab.client.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import chatlab.protocol.Audience;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandParserTest {
    @Test
    void parsesToomCommandsAndTheirAliases() {
        assertThat(CommandParser.parse("MSG do or do not")).isEqualTo(new Command.Post("do or do not"));
        assertThat(CommandParser.parse("post  hello")).isEqualTo(new Command.Post("hello"));
        assertThat(CommandParser.parse("EDT 2 23 Feb 2021 15:00:01 new words here"))
                .isEqualTo(new Command.Edit(2, "23 Feb 2021 15:00:01", "new words here"));
        assertThat(CommandParser.parse("DLT 1 23 Feb 2021 15:00:01")).isEqualTo(new Command.Delete(1, "23 Feb 2021 15:00:01"));
        assertThat(CommandParser.parse("RDM 23 Feb 2021 15:00:01")).isEqualTo(new Command.Read("23 Feb 2021 15:00:01"));
        assertThat(CommandParser.parse("ATU")).isEqualTo(new Command.Who());
        assertThat(CommandParser.parse("whoelse")).isEqualTo(new Command.Who());
        assertThat(CommandParser.parse("OUT")).isEqualTo(new Command.Logout());
        assertThat(CommandParser.parse("out")).isEqualTo(new Command.Logout());
    }

    @Test
    void parsesTheCompsys302Commands() {
        assertThat(CommandParser.parse("profile")).isEqualTo(new Command.ShowProfile(null));
        assertThat(CommandParser.parse("profile Hans")).isEqualTo(new Command.ShowProfile("Hans"));
        assertThat(CommandParser.parse("profile name Han Solo")).isEqualTo(new Command.SetProfile("Han Solo", null));
        assertThat(CommandParser.parse("profile about  flies the Falcon")).isEqualTo(new Command.SetProfile(null, "flies the Falcon"));
        assertThat(CommandParser.parse("profile avatar me.png")).isEqualTo(new Command.SetAvatar(java.nio.file.Path.of("me.png")));
        assertThat(CommandParser.parse("status away back at 3"))
                .isEqualTo(new Command.SetStatus(chatlab.protocol.UserStatus.AWAY, "back at 3"));
        assertThat(CommandParser.parse("status DND")).isEqualTo(new Command.SetStatus(chatlab.protocol.UserStatus.DND, null));
        assertThat(CommandParser.parse("group create team")).isEqualTo(new Command.Group(Command.GroupAction.CREATE, "team", null));
        assertThat(CommandParser.parse("group invite team Hans"))
                .isEqualTo(new Command.Group(Command.GroupAction.INVITE, "team", "Hans"));
        assertThat(CommandParser.parse("group list")).isEqualTo(new Command.Group(Command.GroupAction.LIST, null, null));
        assertThat(CommandParser.parse("gsend team standup at 10")).isEqualTo(new Command.GroupSend("team", "standup at 10"));
        assertThat(CommandParser.parse("dm Hans meet at  3")).isEqualTo(new Command.Direct("Hans", "meet at  3"));
        assertThat(CommandParser.parse("search budget draft")).isEqualTo(new Command.Search(false, "budget draft"));
        assertThat(CommandParser.parse("search users spread*")).isEqualTo(new Command.Search(true, "spread*"));
        assertThat(CommandParser.parse("markdown ON")).isEqualTo(new Command.Markdown(true));
        for (String bad : List.of("status busy", "status", "group", "group invite team", "group fly team", "gsend team",
                "dm", "dm Hans", "search", "search users", "markdown maybe", "profile avatar", "profile Hans Solo")) {
            assertThat(CommandParser.parse(bad)).as(bad).isInstanceOf(Command.Invalid.class);
        }
    }

    @Test
    void parsesTheChatCommands() {
        assertThat(CommandParser.parse("send Hans hi there"))
                .isEqualTo(new Command.Send(Audience.UNICAST, List.of("Hans"), "hi there"));
        assertThat(CommandParser.parse("multicast Hans,Yoda, +61410666666 hi"))
                .isEqualTo(new Command.Send(Audience.MULTICAST, List.of("Hans", "Yoda"), "+61410666666 hi"));
        assertThat(CommandParser.parse("broadcast hello all"))
                .isEqualTo(new Command.Send(Audience.BROADCAST, List.of(), "hello all"));
        assertThat(CommandParser.parse("blockcast Hans,Yoda psst"))
                .isEqualTo(new Command.Send(Audience.BLOCKCAST, List.of("Hans", "Yoda"), "psst"));
        assertThat(CommandParser.parse("block Hans")).isEqualTo(new Command.Block("Hans"));
        assertThat(CommandParser.parse("unblock Hans")).isEqualTo(new Command.Unblock("Hans"));
    }

    @Test
    void takesCsc573sCommandNamesInOursAndInItsOwnBracketedForm() {
        assertThat(CommandParser.parse("getusers")).isEqualTo(new Command.Who());
        assertThat(CommandParser.parse("municast loki hi")).isEqualTo(new Command.Send(Audience.UNICAST, List.of("loki"), "hi"));
        assertThat(CommandParser.parse("municast[loki]hi there"))
                .isEqualTo(new Command.Send(Audience.UNICAST, List.of("loki"), "hi there"));
        assertThat(CommandParser.parse("mmulticast[unith|aish|loki]Hello"))
                .isEqualTo(new Command.Send(Audience.MULTICAST, List.of("unith", "aish", "loki"), "Hello"));
        assertThat(CommandParser.parse("mbroadcast Hello all"))
                .isEqualTo(new Command.Send(Audience.BROADCAST, List.of(), "Hello all"));
        assertThat(CommandParser.parse("mbroadcast[]Hello all"))
                .isEqualTo(new Command.Send(Audience.BROADCAST, List.of(), "Hello all"));
        assertThat(CommandParser.parse("mblockcast[unith]psst"))
                .isEqualTo(new Command.Send(Audience.BLOCKCAST, List.of("unith"), "psst"));
        assertThat(CommandParser.parse("funicast loki TestFile.txt"))
                .isEqualTo(new Command.SendFile(Audience.UNICAST, List.of("loki"), java.nio.file.Path.of("TestFile.txt")));
        assertThat(CommandParser.parse("fmulticast[unith|aish]TestFile.txt"))
                .isEqualTo(new Command.SendFile(Audience.MULTICAST, List.of("unith", "aish"),
                        java.nio.file.Path.of("TestFile.txt")));
        assertThat(CommandParser.parse("fbroadcast alice.txt"))
                .isEqualTo(new Command.SendFile(Audience.BROADCAST, List.of(), java.nio.file.Path.of("alice.txt")));
        assertThat(CommandParser.parse("fblockcast[unith]alice.txt"))
                .isEqualTo(new Command.SendFile(Audience.BLOCKCAST, List.of("unith"), java.nio.file.Path.of("alice.txt")));
        assertThat(CommandParser.parse("kick[unith]")).isEqualTo(new Command.Kick("unith"));
        assertThat(CommandParser.parse("MSG a [bracketed] note")).isEqualTo(new Command.Post("a [bracketed] note"));
    }

    @Test
    void parsesTheContactTracingCommandsInAnyCase() {
        assertThat(CommandParser.parse("Download_tempID")).isEqualTo(new Command.DownloadTempId());
        assertThat(CommandParser.parse("download_tempid")).isEqualTo(new Command.DownloadTempId());
        assertThat(CommandParser.parse("tempid")).isEqualTo(new Command.DownloadTempId());
        assertThat(CommandParser.parse("Beacon 127.0.0.1 6001")).isEqualTo(new Command.Beacon("127.0.0.1", 6001));
        assertThat(CommandParser.parse("Upload_contact_log")).isEqualTo(new Command.UploadContactLog());
        assertThat(CommandParser.parse("upload")).isEqualTo(new Command.UploadContactLog());
        assertThat(CommandParser.parse("contactlog")).isEqualTo(new Command.ContactLog());
        assertThat(CommandParser.parse("autobeacon 127.0.0.1:6001,localhost:6002 10s")).isEqualTo(new Command.AutoBeacon(
                List.of(java.net.InetSocketAddress.createUnresolved("127.0.0.1", 6001),
                        java.net.InetSocketAddress.createUnresolved("localhost", 6002)), Duration.ofSeconds(10)));
        assertThat(CommandParser.parse("autobeacon off")).isEqualTo(new Command.AutoBeacon(List.of(), Duration.ZERO));
    }

    @Test
    void parsesDurations() {
        assertThat(CommandParser.parse("whoelse-since 3600")).isEqualTo(new Command.WhoElseSince(Duration.ofHours(1)));
        assertThat(CommandParser.parse("whoelse-since 90m")).isEqualTo(new Command.WhoElseSince(Duration.ofMinutes(90)));
        assertThat(CommandParser.parse("whoelse-since 1h")).isEqualTo(new Command.WhoElseSince(Duration.ofHours(1)));
        assertThat(CommandParser.parse("whoelse-since 2d")).isEqualTo(new Command.WhoElseSince(Duration.ofDays(2)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"FOO", "hello world", "UPDX"})
    void aLineThatNamesNoCommandIsUnknown(String line) {
        assertThat(CommandParser.parse(line)).isEqualTo(new Command.Unknown(line.split(" ")[0]));
    }

    @Test
    void saysInvalidCommandInEachSeedsWords() {
        assertThat(new Wording(chatlab.protocol.Profile.TOOM).unknownCommand()).isEqualTo("Error. Invalid command!");
        assertThat(new Wording(chatlab.protocol.Profile.BLUETRACE).unknownCommand()).isEqualTo("Error. Invalid command");
        assertThat(Wording.CHATLAB.unknownCommand())
                .isEqualTo("Error. Invalid command! Type 'help' for the list of commands.");
        assertThat(new Wording(chatlab.protocol.Profile.TOOM).error("Hans is offline")).isEqualTo("Hans is offline");
        assertThat(Wording.CHATLAB.error("Hans is offline")).isEqualTo("Error: Hans is offline");
        assertThat(new Wording(chatlab.protocol.Profile.BLUETRACE).attemptsLeft(2)).isEmpty();
        assertThat(Wording.CHATLAB.attemptsLeft(1)).isEqualTo(" (1 attempt left)");
        assertThat(Wording.CHATLAB.attemptsLeft(null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"MSG", "EDT 1 23 Feb 2021 15:00:01", "EDT x 23 Feb 2021 15:00:01 t", "DLT 1", "RDM",
            "RDM yesterday", "ATU now", "send Hans", "multicast , hi", "whoelse-since", "whoelse-since 0",
            "whoelse-since soon", "block", "block a b", "help nonsense", "Beacon 127.0.0.1", "Beacon 127.0.0.1 0",
            "Beacon 127.0.0.1 70000", "Beacon 127.0.0.1 x", "Download_tempID now", "autobeacon 127.0.0.1 10s",
            "autobeacon 127.0.0.1:6001", "autobeacon 127.0.0.1:99999 10s"})
    void givesTheUsageOnWrongArguments(String line) {
        assertThat(CommandParser.parse(line)).isInstanceOfSatisfying(Command.Invalid.class,
                invalid -> assertThat(invalid.message()).startsWith("Error. Usage: "));
    }

    @Test
    void everyNameIsUnique() {
        List<String> names = Verb.allNames().stream().map(String::toLowerCase).toList();
        assertThat(names).doesNotHaveDuplicates();
    }
}
