package chatlab.lab;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar on stderr for long lab work, with the current item as its message. */
public final class Progress implements AutoCloseable {
    private final ProgressBar bar;

    public Progress(String task, long total) {
        bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250).continuousUpdate().build();
    }

    public void step(String message) {
        bar.setExtraMessage(message);
        bar.step();
    }

    public void message(String message) {
        bar.setExtraMessage(message);
    }

    @Override
    public void close() {
        bar.close();
    }
}
