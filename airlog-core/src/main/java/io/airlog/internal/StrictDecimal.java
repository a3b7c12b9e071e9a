package io.airlog.internal;

/**
 * Non-negative integers written as ASCII decimal digits without leading zeros (except
 * {@code 0} itself), as tree sizes and indices are in checkpoints and proofs.
 */
public final class StrictDecimal {
    private StrictDecimal() {
    }

    /**
     * Reads {@code text}.
     *
     * @param what what the number is, for the error message ("the tree size")
     * @throws IllegalArgumentException naming {@code what} if the text is not such a number or
     *         exceeds 2^63-1
     */
    public static long parse(String text, String what) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException(what + " is empty");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException(what + " must be ASCII decimal digits: '" + Snippet.of(text) + "'");
            }
        }
        if (text.length() > 1 && text.charAt(0) == '0') {
            throw new IllegalArgumentException(what + " must not have leading zeros: '" + Snippet.of(text) + "'");
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " exceeds 2^63-1: '" + Snippet.of(text) + "'");
        }
    }
}
