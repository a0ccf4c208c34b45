package chatlab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(PasswordHasher.Cost.TESTING);

    @Test
    void storesAnArgon2idPhcStringWithoutThePassword() {
        String hash = hasher.hash("wise@!man");
        assertThat(hash).startsWith("$argon2id$v=19$m=256,t=1,p=1$").doesNotContain("wise@!man");
        assertThat(hash.split("\\$")).hasSize(6);
    }

    @Test
    void verifiesTheRightPasswordOnly() {
        String hash = hasher.hash("falcon*solo");
        assertThat(hasher.verify("falcon*solo", hash)).isTrue();
        assertThat(hasher.verify("Falcon*solo", hash)).isFalse();
        assertThat(hasher.verify("", hash)).isFalse();
    }

    @Test
    void saltsEveryHash() {
        assertThat(hasher.hash("same")).isNotEqualTo(hasher.hash("same"));
    }

    @Test
    void verifiesHashesMadeWithAnotherCost() {
        String strong = new PasswordHasher(new PasswordHasher.Cost(1024, 2, 2)).hash("pw");
        assertThat(hasher.verify("pw", strong)).isTrue();
    }

    @Test
    void treatsAMalformedHashAsNoMatch() {
        assertThat(hasher.verify("pw", "plaintext")).isFalse();
        assertThat(hasher.verify("pw", "$argon2i$v=19$m=256,t=1,p=1$AAAA$AAAA")).isFalse();
        assertThat(hasher.verify("pw", "$argon2id$v=19$m=x,t=1,p=1$AAAA$AAAA")).isFalse();
        assertThat(hasher.verify("pw", "$argon2id$v=19$m=256,t=1,p=1$!!!$AAAA")).isFalse();
    }

    @Test
    void parsesCostsAndRefusesBadOnes() {
        assertThat(PasswordHasher.Cost.parse("m=19456, t=2, p=1")).isEqualTo(PasswordHasher.Cost.DEFAULT);
        assertThatThrownBy(() -> PasswordHasher.Cost.parse("m=1,t=1,p=1")).hasMessageContaining("m >= 8*p");
        assertThatThrownBy(() -> PasswordHasher.Cost.parse("m=1024,t=1")).hasMessageContaining("all of m, t and p");
        assertThatThrownBy(() -> PasswordHasher.Cost.parse("m=1024,t=1,q=2")).hasMessageContaining("unknown");
        assertThatThrownBy(() -> PasswordHasher.Cost.parse("fast")).hasMessageContaining("expected m=KIB");
    }
}
