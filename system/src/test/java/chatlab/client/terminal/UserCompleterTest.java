package chatlab.client.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jline.reader.Candidate;
import org.jline.reader.impl.DefaultParser;
import org.junit.jupiter.api.Test;

class UserCompleterTest {
    private final UserCompleter completer = new UserCompleter(Set.of("Hans", "Yoda"));

    private List<String> complete(String line) {
        List<Candidate> candidates = new ArrayList<>();
        completer.complete(null, new DefaultParser().parse(line, line.length()), candidates);
        return candidates.stream().map(Candidate::value).toList();
    }

    @Test
    void completesCommandsFirst() {
        assertThat(complete("MS")).contains("MSG", "EDT", "whoelse-since", "multicast");
    }

    @Test
    void completesUserNamesAfterTheCommand() {
        assertThat(complete("send Ha")).containsExactlyInAnyOrder("Hans", "Yoda");
    }

    @Test
    void completesInsideACommaList() {
        assertThat(complete("multicast Hans,Yo")).containsExactlyInAnyOrder("Hans,Hans", "Hans,Yoda");
    }
}
