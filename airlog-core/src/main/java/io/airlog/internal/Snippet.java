package io.airlog.internal;

/** Short, printable excerpts of untrusted text for error messages. */
public final class Snippet {
    private static final int MAX = 60;

    private Snippet() {
    }

    /**
     * The text with control characters shown as {@code \\uXXXX}, cut to 60 characters with an
     * ellipsis.
     */
    public static String of(String text) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < text.length() && sb.length() < MAX; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        if (sb.length() >= MAX && text.length() > MAX) {
            sb.setLength(MAX);
            sb.append('…');
        }
        return sb.toString();
    }
}
