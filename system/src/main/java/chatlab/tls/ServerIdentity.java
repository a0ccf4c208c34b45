package chatlab.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A server's TLS identity: its private key and certificate chain, and the TLS 1.3 context that
 * serves with them. Either a self-signed certificate the server made on its first start and
 * keeps in a PKCS#12 file, or a certificate and key given as PEM files. The cryptography is the
 * JDK's (JSSE, SunEC); Bouncy Castle only builds and parses the certificate's structures.
 */
public final class ServerIdentity {
    /** TLS 1.3 only: the JDK's, with its own cipher suites. */
    public static final String PROTOCOL = "TLSv1.3";
    private static final char[] STORE_PASSWORD = "chatlab".toCharArray();
    private static final String ALIAS = "chatlab-server";
    private static final Duration VALIDITY = Duration.ofDays(3650);

    private final PrivateKey key;
    private final X509Certificate[] chain;

    private ServerIdentity(PrivateKey key, X509Certificate[] chain) {
        this.key = key;
        this.chain = chain;
    }

    /**
     * The identity kept in {@code store}, made (an EC P-256 key and a self-signed certificate for
     * localhost and 127.0.0.1) and saved there, readable by its owner only, if the file does not exist.
     */
    public static ServerIdentity loadOrCreate(Path store) throws IOException {
        try {
            if (Files.exists(store)) {
                KeyStore keys = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(store)) {
                    keys.load(in, STORE_PASSWORD);
                }
                Certificate[] chain = keys.getCertificateChain(ALIAS);
                if (chain == null || !(keys.getKey(ALIAS, STORE_PASSWORD) instanceof PrivateKey key)) {
                    throw new IOException(store + " holds no chatlab server key; delete it to make a new one");
                }
                return new ServerIdentity(key, List.of(chain).toArray(X509Certificate[]::new));
            }
            ServerIdentity made = selfSigned();
            made.save(store);
            return made;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read or make the server's key in " + store + ": " + e.getMessage(), e);
        }
    }

    /** The identity in a PEM certificate file (the chain, the server's first) and a PEM private key file. */
    public static ServerIdentity fromPem(Path certificates, Path privateKey) throws IOException {
        try (InputStream in = Files.newInputStream(certificates); Reader keyText = Files.newBufferedReader(privateKey);
                PEMParser parser = new PEMParser(keyText)) {
            List<X509Certificate> chain = CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast).toList();
            if (chain.isEmpty()) {
                throw new IOException(certificates + " holds no certificate");
            }
            Object parsed = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            PrivateKey key = switch (parsed) {
                case PEMKeyPair pair -> converter.getPrivateKey(pair.getPrivateKeyInfo());
                case org.bouncycastle.asn1.pkcs.PrivateKeyInfo info -> converter.getPrivateKey(info);
                case null -> throw new IOException(privateKey + " holds no private key");
                default -> throw new IOException(privateKey + " holds a " + parsed.getClass().getSimpleName()
                        + ", not an unencrypted private key (PKCS#8 or a key pair)");
            };
            return new ServerIdentity(key, chain.toArray(X509Certificate[]::new));
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read " + certificates + " and " + privateKey + ": " + e.getMessage(), e);
        }
    }

    private static ServerIdentity selfSigned() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        X500Name name = new X500Name("CN=chatlab server");
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                new BigInteger(64, new SecureRandom()).abs().add(BigInteger.ONE), Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(VALIDITY)), name, pair.getPublic());
        try {
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
            return new ServerIdentity(pair.getPrivate(), new X509Certificate[] {certificate});
        } catch (OperatorCreationException | IOException e) {
            throw new GeneralSecurityException("building the certificate failed: " + e.getMessage(), e);
        }
    }

    private void save(Path store) throws IOException, GeneralSecurityException {
        Path parent = store.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry(ALIAS, key, STORE_PASSWORD, chain);
        Path partial = store.resolveSibling(store.getFileName() + ".new");
        try (OutputStream out = Files.newOutputStream(partial)) {
            keys.store(out, STORE_PASSWORD);
        }
        try {
            Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // a file system without POSIX permissions: the folder's own protection has to do
        }
        Files.move(partial, store, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** The fingerprint clients pin or record: that of the server's own certificate. */
    public String fingerprint() {
        return Fingerprint.of(chain[0]);
    }

    public X509Certificate certificate() {
        return chain[0];
    }

    /** A TLS 1.3 context that presents this identity. */
    public SSLContext context() {
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry(ALIAS, key, STORE_PASSWORD, chain);
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(keys, STORE_PASSWORD);
            SSLContext context = SSLContext.getInstance(PROTOCOL);
            context.init(factory.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot set up TLS with the server's key: " + e.getMessage(), e);
        }
    }
}
