package chatlab.store;

/** A storage failure: the store could not read or write its file. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
