package io.airlog.internal;

import java.util.Base64;
import java.util.Objects;

/**
 * Standard base64 (RFC 4648 section 4) read strictly: padding required, no line breaks or
 * white space, no non-zero bits after the last byte. Exactly one text stands for each byte
 * string, so a value that was edited cannot hide behind an equivalent spelling.
 */
public final class StrictBase64 {
    private StrictBase64() {
    }

    /**
     * Decodes {@code text}.
     *
     * @param what what the text holds, for the error message ("a digest", "a signature")
     * @throws IllegalArgumentException naming {@code what} if the text is not canonical base64
     */
    public static byte[] decode(String text, String what) {
        Objects.requireNonNull(text, what);
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is not valid base64: " + e.getMessage());
        }
        if (!Base64.getEncoder().encodeToString(bytes).equals(text)) {
            throw new IllegalArgumentException(what + " is not canonical base64 (padding missing, or bits set"
                    + " after the last byte)");
        }
        return bytes;
    }

    /**
     * Decodes {@code text}, which must hold exactly {@code length} bytes.
     *
     * @throws IllegalArgumentException naming {@code what} if the text is not canonical base64
     *         of {@code length} bytes
     */
    public static byte[] decode(String text, int length, String what) {
        byte[] bytes = decode(text, what);
        if (bytes.length != length) {
            throw new IllegalArgumentException(what + " is " + length + " bytes, not " + bytes.length);
        }
        return bytes;
    }
}
