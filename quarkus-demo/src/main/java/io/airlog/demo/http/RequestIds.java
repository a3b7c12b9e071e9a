package io.airlog.demo.http;

import io.airlog.AuditLimits;

/**
 * The {@code X-Request-Id} rule of airlog's request filter, for the requests that are answered
 * before the REST layer (and its filter) sees them: 1 to {@value AuditLimits#CORRELATION_ID}
 * visible ASCII characters, surrounding blanks ignored; anything else (a control character,
 * CR or LF included) is not used.
 */
public final class RequestIds {
    /** The header. */
    public static final String HEADER = "X-Request-Id";

    private RequestIds() {
    }

    /** The header's value when it is usable as a correlation id, else null. */
    public static String usable(String header) {
        if (header == null) {
            return null;
        }
        String v = header.strip();
        if (v.isEmpty() || v.length() > AuditLimits.CORRELATION_ID) {
            return null;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return null;
            }
        }
        return v;
    }
}
