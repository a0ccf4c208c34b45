package chatlab.client.terminal;

import java.util.List;
import java.util.Set;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/** Completes command names in the first word and user names after it, also inside a comma list. */
final class UserCompleter implements Completer {
    private final Set<String> users;

    UserCompleter(Set<String> users) {
        this.users = users;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        if (line.wordIndex() == 0) {
            for (String name : Verb.allNames()) {
                candidates.add(new Candidate(name));
            }
            return;
        }
        String word = line.word().substring(0, Math.min(line.wordCursor(), line.word().length()));
        String prefix = word.substring(0, word.lastIndexOf(',') + 1);
        for (String user : users) {
            candidates.add(new Candidate(prefix + user, user, null, null, null, null, true));
        }
    }
}
