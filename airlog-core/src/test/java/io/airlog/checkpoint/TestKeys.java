package io.airlog.checkpoint;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/** Published test keys, so that expected signatures can be checked against other implementations. */
public final class TestKeys {
    /** RFC 8032 section 7.1, TEST 1: the secret key. */
    public static final byte[] RFC8032_TEST1_SEED =
            HexFormat.of().parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
    /** RFC 8032 section 7.1, TEST 1: the public key. */
    public static final byte[] RFC8032_TEST1_PUBLIC =
            HexFormat.of().parseHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    /** RFC 8032 section 7.1, TEST 2: the secret key. */
    public static final byte[] RFC8032_TEST2_SEED =
            HexFormat.of().parseHex("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb");

    /** The signer key of the example in Go's golang.org/x/mod/sumdb/note documentation. */
    public static final String GO_EXAMPLE_SIGNER_KEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    /** Its verifier key. */
    public static final String GO_EXAMPLE_VERIFIER_KEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    /** The note that example signs. */
    public static final String GO_EXAMPLE_TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    /** The signed note that example prints. */
    public static final String GO_EXAMPLE_NOTE = GO_EXAMPLE_TEXT + "\n"
            + "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
    /** The same note after EnochRoot (a key the example does not publish) signed it too. */
    public static final String GO_EXAMPLE_TWICE_SIGNED = GO_EXAMPLE_NOTE
            + "\u2014 EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";

    private TestKeys() {
    }

    /** The RFC 8032 TEST 1 key under {@code name}. */
    public static NoteSigner rfc8032Test1(String name) {
        return SigningKeys.fromSeed(RFC8032_TEST1_SEED, name);
    }

    /** The RFC 8032 TEST 2 key under {@code name}. */
    public static NoteSigner rfc8032Test2(String name) {
        return SigningKeys.fromSeed(RFC8032_TEST2_SEED, name);
    }

    /** The key of Go's example: the 32 bytes after the type byte of its signer key
     * ({@code PRIVATE+KEY+<name>+<id>+<base64(0x01 ‖ seed)>}). */
    public static NoteSigner goExample() {
        byte[] data = Base64.getDecoder().decode(GO_EXAMPLE_SIGNER_KEY.split("\\+", 5)[4]);
        return SigningKeys.fromSeed(Arrays.copyOfRange(data, 1, data.length), "PeterNeumann");
    }
}
