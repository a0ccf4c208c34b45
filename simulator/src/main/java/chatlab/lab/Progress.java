package chatlab.lab;

import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on stderr for long lab work, with the current item as its message. On a
 * terminal it redraws in place; into a file or a CI log it writes a plain line every few
 * seconds instead, so the log stays readable.
 */
public final class Progress implements AutoCloseable {
    private final ProgressBar bar;

    public Progress(String task, long total) {
        this(task, total, "", 1);
    }

    /** A bar counted in {@code unitSize} steps per unit shown, such as milliseconds shown as seconds. */
    public Progress(String task, long total, String unit, long unitSize) {
        ProgressBarBuilder builder = new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setUnit(unit, unitSize);
        if (System.console() != null) {
            builder.setUpdateIntervalMillis(250).continuousUpdate();
        } else {
            builder.setUpdateIntervalMillis(5_000).setConsumer(new DelegatingProgressBarConsumer(System.err::println, 160));
        }
        bar = builder.build();
    }

    public void step(String message) {
        bar.setExtraMessage(message);
        bar.step();
    }

    /** Moves the bar to {@code done}, for work that reports its own count. */
    public void stepTo(long done, String message) {
        bar.setExtraMessage(message);
        bar.stepTo(done);
    }

    public void message(String message) {
        bar.setExtraMessage(message);
    }

    @Override
    public void close() {
        bar.close();
    }
}
