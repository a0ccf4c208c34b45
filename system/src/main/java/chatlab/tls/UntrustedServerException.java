package chatlab.tls;

import java.security.cert.CertificateException;

/** The server's certificate is not the one this client trusts; the message says what to do. */
public final class UntrustedServerException extends CertificateException {
    public UntrustedServerException(String message) {
        super(message);
    }
}
