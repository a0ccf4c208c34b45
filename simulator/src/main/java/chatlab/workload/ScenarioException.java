package chatlab.workload;

/** A scenario file that cannot run, with the path of the field at fault, e.g. {@code groups[1].rate}. */
public final class ScenarioException extends RuntimeException {
    private final String field;

    public ScenarioException(String field, String message) {
        super((field.isEmpty() ? "" : field + ": ") + message);
        this.field = field;
    }

    /** The field's path in the scenario, or "" for the file as a whole. */
    public String field() {
        return field;
    }
}
