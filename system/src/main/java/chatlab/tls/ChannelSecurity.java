package chatlab.tls;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * How a client secures its connection to a server: TLS 1.3 (the default) trusting the server
 * on first use, or by a pinned fingerprint, or through a certificate authority; or, on
 * purpose, plaintext. The cryptography is the JDK's JSSE.
 */
public sealed interface ChannelSecurity {
    /** For TLS, wraps a connected socket and completes the handshake within {@code timeout}; closes it on failure. */
    Socket secure(Socket connected, String host, int port, Duration timeout) throws IOException;

    /** Opens a connection and, for TLS, completes the handshake within {@code timeout}. */
    default Socket connect(String host, int port, Duration timeout) throws IOException {
        return secure(Tls.tcp(host, port, timeout), host, port, timeout);
    }

    /** A few words for logs and banners. */
    String describe();

    /** TLS, trusting each server on first use and recording it in {@code ~/.chatlab/known_servers}. */
    static ChannelSecurity defaults() {
        return new TrustOnFirstUse(KnownServers.atDefaultPlace(), fingerprint -> { });
    }

    /** No encryption at all: for {@code nc}, teaching, and servers that speak no TLS. */
    record Plaintext() implements ChannelSecurity {
        @Override
        public Socket secure(Socket connected, String host, int port, Duration timeout) {
            return connected;
        }

        @Override
        public String describe() {
            return "plaintext";
        }
    }

    /** TLS, trusting a server the first time it is met and then only with the same certificate; {@code firstUse} hears its fingerprint. */
    record TrustOnFirstUse(KnownServers known, Consumer<String> firstUse) implements ChannelSecurity {
        @Override
        public Socket secure(Socket connected, String host, int port, Duration timeout) throws IOException {
            String hostPort = host + ":" + port;
            return Tls.secure(this, connected, host, port, timeout,
                    () -> FingerprintTrust.onFirstUse(hostPort, known, firstUse), false);
        }

        @Override
        public String describe() {
            return "TLS, trusted on first use" + (known.file() == null ? "" : " (" + known.file() + ")");
        }
    }

    /** TLS with a server whose certificate has exactly this fingerprint. */
    record Pinned(String fingerprint) implements ChannelSecurity {
        public Pinned {
            fingerprint = Fingerprint.parse(fingerprint);
        }

        @Override
        public Socket secure(Socket connected, String host, int port, Duration timeout) throws IOException {
            return Tls.secure(this, connected, host, port, timeout,
                    () -> FingerprintTrust.pinned(host + ":" + port, fingerprint), false);
        }

        @Override
        public String describe() {
            return "TLS, pinned to " + fingerprint;
        }
    }

    /** TLS with a server whose certificate a certificate authority in {@code caFile} (PEM) signed for its host name. */
    record Authority(Path caFile) implements ChannelSecurity {
        @Override
        public Socket secure(Socket connected, String host, int port, Duration timeout) throws IOException {
            return Tls.secure(this, connected, host, port, timeout, () -> Tls.authority(caFile), true);
        }

        @Override
        public String describe() {
            return "TLS, verified with " + caFile;
        }
    }

    /** How the records open their sockets; one TLS context per setting and server, made once. */
    final class Tls {
        private static final Map<Object, SSLSocketFactory> FACTORIES = new ConcurrentHashMap<>();

        private Tls() {
        }

        static Socket tcp(String host, int port, Duration timeout) throws IOException {
            Socket socket = new Socket();
            try {
                socket.setTcpNoDelay(true);
                socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
                return socket;
            } catch (IOException | RuntimeException e) {
                socket.close();
                throw e;
            }
        }

        static Socket secure(ChannelSecurity security, Socket raw, String host, int port, Duration timeout,
                java.util.function.Supplier<TrustManager> trust, boolean checkHostName) throws IOException {
            try {
                SSLSocketFactory factory = FACTORIES.computeIfAbsent(java.util.List.of(security, host, port),
                        key -> context(trust.get()).getSocketFactory());
                SSLSocket tls = (SSLSocket) factory.createSocket(raw, host, port, true);
                tls.setEnabledProtocols(new String[] {ServerIdentity.PROTOCOL});
                if (checkHostName) {
                    SSLParameters parameters = tls.getSSLParameters();
                    parameters.setEndpointIdentificationAlgorithm("HTTPS");
                    tls.setSSLParameters(parameters);
                }
                tls.setSoTimeout((int) timeout.toMillis());
                tls.startHandshake();
                tls.setSoTimeout(0);
                return tls;
            } catch (IOException | RuntimeException e) {
                raw.close();
                throw e;
            }
        }

        private static SSLContext context(TrustManager trust) {
            try {
                SSLContext context = SSLContext.getInstance(ServerIdentity.PROTOCOL);
                context.init(null, new TrustManager[] {trust}, null);
                return context;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("TLS 1.3 is not available in this JDK: " + e.getMessage(), e);
            }
        }

        static TrustManager authority(Path caFile) {
            try (InputStream in = Files.newInputStream(caFile)) {
                KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
                anchors.load(null, null);
                int n = 0;
                for (var certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    anchors.setCertificateEntry("ca-" + n++, (X509Certificate) certificate);
                }
                if (n == 0) {
                    throw new IllegalArgumentException(caFile + " holds no certificate");
                }
                TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                factory.init(anchors);
                return factory.getTrustManagers()[0];
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalArgumentException("cannot read the certificate authority in " + caFile + ": "
                        + e.getMessage(), e);
            }
        }
    }
}
