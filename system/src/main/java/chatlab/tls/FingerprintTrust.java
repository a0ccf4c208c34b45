package chatlab.tls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.function.Consumer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts a server by its certificate's fingerprint: one pinned in advance, or the one recorded
 * in the known servers the first time it was met. No certificate authority is involved, so no
 * host name is checked: the fingerprint is the server's identity.
 */
final class FingerprintTrust extends X509ExtendedTrustManager {
    private final String hostPort;
    private final String pinned;
    private final KnownServers known;
    private final Consumer<String> firstUse;

    private FingerprintTrust(String hostPort, String pinned, KnownServers known, Consumer<String> firstUse) {
        this.hostPort = hostPort;
        this.pinned = pinned;
        this.known = known;
        this.firstUse = firstUse;
    }

    static FingerprintTrust pinned(String hostPort, String fingerprint) {
        return new FingerprintTrust(hostPort, fingerprint, null, f -> { });
    }

    static FingerprintTrust onFirstUse(String hostPort, KnownServers known, Consumer<String> firstUse) {
        return new FingerprintTrust(hostPort, null, known, firstUse);
    }

    private void check(X509Certificate[] chain) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new UntrustedServerException("the server at " + hostPort + " presented no certificate");
        }
        chain[0].checkValidity();
        String presented = Fingerprint.of(chain[0]);
        if (pinned != null) {
            if (!pinned.equals(presented)) {
                throw new UntrustedServerException("the server at " + hostPort + " presented certificate " + presented
                        + ", not " + pinned + " as given with --trust: it is not the server you meant");
            }
            return;
        }
        switch (known.check(hostPort, presented)) {
            case KnownServers.Verdict.FirstUse first -> firstUse.accept(presented);
            case KnownServers.Verdict.Known same -> { }
            case KnownServers.Verdict.Changed changed -> throw new UntrustedServerException("the server at " + hostPort
                    + " presented certificate " + changed.presented() + ", but " + changed.known() + " is recorded for it"
                    + (known.file() == null ? "" : " in " + known.file() + " (line " + changed.line() + ")")
                    + ". Someone may be in the middle. If the server's certificate really changed, delete that line, "
                    + "or connect with --trust " + changed.presented());
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("clients present no certificate");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        throw new CertificateException("clients present no certificate");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("clients present no certificate");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
