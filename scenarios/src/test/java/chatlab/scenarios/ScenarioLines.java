package chatlab.scenarios;

import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.Result;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestRunFinished;
import java.io.PrintStream;
import java.net.URI;
import java.util.EnumMap;
import java.util.Map;

/** Prints one line per scenario, by name, with its outcome, and a count at the end. */
public final class ScenarioLines implements ConcurrentEventListener {
    private final PrintStream out = System.out;
    private final Map<Status, Integer> counts = new EnumMap<>(Status.class);

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(TestCaseFinished.class, this::finished);
        publisher.registerHandlerFor(TestRunFinished.class, this::runFinished);
    }

    private synchronized void finished(TestCaseFinished event) {
        Result result = event.getResult();
        counts.merge(result.getStatus(), 1, Integer::sum);
        URI uri = event.getTestCase().getUri();
        String file = uri.getPath().substring(uri.getPath().lastIndexOf('/') + 1);
        out.printf("  %-8s %s:%d  %s  (%d ms)%n", result.getStatus(), file, event.getTestCase().getLocation().getLine(),
                event.getTestCase().getName(), result.getDuration().toMillis());
        if (result.getError() != null && result.getStatus() != Status.PASSED) {
            out.println("           " + String.valueOf(result.getError().getMessage()).lines().findFirst().orElse(""));
        }
    }

    private synchronized void runFinished(TestRunFinished event) {
        out.println("  scenarios: " + counts);
    }
}
