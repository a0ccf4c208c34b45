package chatlab.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Hashes passwords with Argon2id and stores them as PHC strings
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}), so each hash carries its own cost and old
 * hashes still verify after the cost changes. Hashing takes a lot of memory, so at most a few
 * run at once; the rest wait their turn.
 */
public final class PasswordHasher {
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    /** Argon2id cost: memory in KiB, iterations, lanes. */
    public record Cost(int memoryKiB, int iterations, int parallelism) {
        /** The OWASP recommendation for Argon2id. */
        public static final Cost DEFAULT = new Cost(19_456, 2, 1);
        /** Cheap hashing for load tests with thousands of accounts; never for real accounts. */
        public static final Cost TESTING = new Cost(256, 1, 1);

        public Cost {
            if (memoryKiB < 8 * parallelism || iterations < 1 || parallelism < 1 || parallelism > 16) {
                throw new IllegalArgumentException("invalid Argon2 cost m=" + memoryKiB + ",t=" + iterations
                        + ",p=" + parallelism + ": need t >= 1, 1 <= p <= 16 and m >= 8*p");
            }
        }

        /** Parses {@code m=19456,t=2,p=1}. */
        public static Cost parse(String text) {
            int m = -1;
            int t = -1;
            int p = -1;
            try {
                for (String part : text.split(",")) {
                    String[] kv = part.strip().split("=", 2);
                    int value = Integer.parseInt(kv[1].strip());
                    switch (kv[0].strip()) {
                        case "m" -> m = value;
                        case "t" -> t = value;
                        case "p" -> p = value;
                        default -> throw new IllegalArgumentException("unknown Argon2 parameter '" + kv[0] + "'");
                    }
                }
            } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
                throw new IllegalArgumentException("invalid Argon2 cost '" + text + "': expected m=KIB,t=N,p=N");
            }
            if (m < 0 || t < 0 || p < 0) {
                throw new IllegalArgumentException("invalid Argon2 cost '" + text + "': give all of m, t and p");
            }
            return new Cost(m, t, p);
        }

        @Override
        public String toString() {
            return "m=" + memoryKiB + ",t=" + iterations + ",p=" + parallelism;
        }
    }

    private final Cost cost;
    private final SecureRandom random = new SecureRandom();
    private final Semaphore permits = new Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors()));

    public PasswordHasher(Cost cost) {
        this.cost = cost;
    }

    public Cost cost() {
        return cost;
    }

    /** Hashes a password with a fresh salt. */
    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, cost, HASH_BYTES);
        return "$argon2id$v=19$" + cost + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /** Whether {@code password} matches {@code encoded}; false for a malformed hash. */
    public boolean verify(String password, String encoded) {
        String[] parts = encoded.split("\\$");
        if (parts.length != 6 || !parts[1].equals("argon2id") || !parts[2].equals("v=19")) {
            return false;
        }
        try {
            Cost stored = Cost.parse(parts[3]);
            byte[] salt = B64D.decode(parts[4]);
            byte[] expected = B64D.decode(parts[5]);
            return MessageDigest.isEqual(expected, derive(password, salt, stored, expected.length));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private byte[] derive(String password, byte[] salt, Cost cost, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(cost.memoryKiB())
                .withIterations(cost.iterations())
                .withParallelism(cost.parallelism())
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[length];
        permits.acquireUninterruptibly();
        try {
            generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        } finally {
            permits.release();
        }
        return out;
    }
}
