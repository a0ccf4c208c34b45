package chatlab.tls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.regex.Pattern;

/** A certificate's SHA-256 fingerprint as SSH writes keys': {@code SHA256:} and unpadded base64 of the DER bytes. */
public final class Fingerprint {
    private static final Pattern FORM = Pattern.compile("SHA256:[A-Za-z0-9+/]{43}");

    private Fingerprint() {
    }

    public static String of(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint a certificate: " + e.getMessage(), e);
        }
    }

    /** Checks the form of a fingerprint given by a person; returns it unchanged. */
    public static String parse(String text) {
        String value = text.strip();
        if (!FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("a certificate fingerprint looks like SHA256: and 43 characters of base64, "
                    + "as the server prints it at start, not '" + text + "'");
        }
        return value;
    }
}
