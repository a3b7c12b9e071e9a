package io.airlog.internal;

import java.nio.charset.StandardCharsets;

/** Log ids in names: every UTF-8 byte other than the URI unreserved characters written {@code %XX}. */
public final class PercentEncoding {
    private static final String UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

    private PercentEncoding() {
    }

    /**
     * {@code text} with every UTF-8 byte other than {@code A-Z a-z 0-9 - . _ ~} written as
     * {@code %} and two uppercase hex digits.
     */
    public static String encode(String text) {
        StringBuilder sb = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 0x80 && UNRESERVED.indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                sb.append(String.format("%%%02X", c));
            }
        }
        return sb.toString();
    }
}
