package chatlab.net;

/** No Toxiproxy could be found or started; the message says what to do. */
public final class ToxiproxyUnavailableException extends RuntimeException {
    public ToxiproxyUnavailableException(String message) {
        super(message);
    }

    public ToxiproxyUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
