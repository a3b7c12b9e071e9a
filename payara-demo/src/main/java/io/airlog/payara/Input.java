package io.airlog.payara;

import jakarta.ws.rs.BadRequestException;
import java.util.regex.Pattern;

/**
 * What a client sends (path and query parameters), checked inside the audited call, and shown
 * in its audit event as sent: printable ASCII kept, any other character replaced by {@code ?},
 * cut at {@value #SHOWN_MAX} characters, so that an event never has to hold text it cannot
 * store (U+0000, an unpaired surrogate) and nothing invisible hides in it.
 */
final class Input {
    /** The most characters of a client's value an event records. */
    static final int SHOWN_MAX = 64;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private Input() {
    }

    /** The value as an audit event records it; null stays null. */
    static String shown(String raw) {
        if (raw == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < raw.length() && out.length() < SHOWN_MAX; i++) {
            char c = raw.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return raw.length() > SHOWN_MAX ? out.append('…').toString() : out.toString();
    }

    /**
     * An account id: 1 to 64 letters, digits, '.', '_' or '-'.
     *
     * @throws BadRequestException (400) naming the problem
     */
    static String id(String raw) {
        if (raw == null || !ID.matcher(raw).matches()) {
            throw new BadRequestException("id: 1 to 64 letters, digits, '.', '_' or '-', got '" + shown(raw) + "'");
        }
        return raw;
    }

    /**
     * A whole number (amounts are in cents).
     *
     * @throws BadRequestException (400) naming the parameter when it is missing or not a whole number
     */
    static long number(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            throw new BadRequestException(name + ": required, a whole number");
        }
        try {
            return Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            throw new BadRequestException(name + ": a whole number, got '" + shown(raw) + "'");
        }
    }
}
