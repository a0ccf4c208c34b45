package chatlab.fuzz;

/**
 * How one target's fuzzing went. {@code finding} is null when nothing failed; otherwise it is
 * the exception (or Jazzer's error) and {@code reproducer} the input that causes it, which was
 * also added to the target's committed inputs.
 */
public record FuzzResult(String target, String decodes, long seed, long runs, long seconds, long execsPerSecond,
        int coverage, int features, int corpus, long peakRssMiB, int exitCode, String finding, String reproducer) {

    public boolean clean() {
        return finding == null && exitCode == 0;
    }
}
