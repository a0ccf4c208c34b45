package chatlab.checker;

import chatlab.history.Event;
import java.util.List;

/** Reads a history, ordered by index, and says whether the system kept one of its promises. */
public interface Checker {
    String name();

    Verdict check(List<Event> history, CheckContext context);
}
