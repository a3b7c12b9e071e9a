package io.airlog.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class VerifierKeyTest {

    @Test
    void keyIdIsTheFirstFourBytesOfTheHashOfNameNewlineTypeAndKey() {
        VerifierKey key = VerifierKey.parse(TestKeys.GO_EXAMPLE_VERIFIER_KEY);

        assertThat(key.name()).isEqualTo("PeterNeumann");
        assertThat(key.keyIdHex()).isEqualTo("c74f20a3");
        assertThat(VerifierKey.of("PeterNeumann", key.publicKey())).isEqualTo(key);
        assertThat(key.encode()).isEqualTo(TestKeys.GO_EXAMPLE_VERIFIER_KEY);
    }

    @Test
    void rfc8032PublicKeyIsTheLastThirtyTwoBytesOfItsX509Encoding() {
        NoteSigner signer = TestKeys.rfc8032Test1("example.com/log");

        assertThat(signer.verifierKey().publicKey()).isEqualTo(TestKeys.RFC8032_TEST1_PUBLIC);
        assertThat(VerifierKey.of("example.com/log", Ed25519.publicKey(TestKeys.RFC8032_TEST1_PUBLIC)))
                .isEqualTo(signer.verifierKey());
    }

    @Test
    void malformedVerifierKeysAreRefusedNamingWhatIsWrong() {
        String good = TestKeys.GO_EXAMPLE_VERIFIER_KEY;
        String key = good.substring(good.indexOf('+', good.indexOf('+') + 1) + 1);
        byte[] raw = Base64.getDecoder().decode(key);

        assertRefused("PeterNeumann", "is not <name>+<key id>+<key>");
        assertRefused("PeterNeumann+c74f20a+" + key, "8 lowercase hex digits");
        assertRefused("PeterNeumann+C74F20A3+" + key, "8 lowercase hex digits");
        assertRefused("PeterNeumann+c74f20a4+" + key, "does not match the name and key (they give c74f20a3)");
        assertRefused("Peter Neumann+c74f20a3+" + key, "contains a space");
        assertRefused("+c74f20a3+" + key, "must not be empty");
        assertRefused("PeterNeumann+c74f20a3+" + key.substring(1), "base64");
        raw[0] = 2;
        assertRefused("PeterNeumann+c74f20a3+" + Base64.getEncoder().encodeToString(raw), "type 0x02");
        assertRefused("PeterNeumann+c74f20a3+" + Base64.getEncoder().encodeToString(new byte[] {1, 2, 3}),
                "32 bytes, not 2");
    }

    private static void assertRefused(String text, String message) {
        assertThatThrownBy(() -> VerifierKey.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
