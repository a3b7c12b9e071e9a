package io.airlog.demo.document;

import io.airlog.demo.http.InputText;

/**
 * A document id as the client sent it in a path. {@link #shown()} is what the audit event
 * records as the resource id; {@link #checked()} the id itself, refused when it is text no
 * document id can be.
 *
 * @param raw the path parameter, decoded
 */
public record DocumentId(String raw) {
    /** The longest id accepted (generated ids have 10 characters). */
    public static final int MAX_LENGTH = 64;

    /** The id as an audit event records it. */
    public String shown() {
        return InputText.shown(raw);
    }

    /**
     * The id.
     *
     * @throws io.airlog.demo.http.BadInputException if it holds U+0000 or an unpaired surrogate
     *         or is longer than {@value #MAX_LENGTH} characters
     */
    public String checked() {
        return InputText.checked("id", raw, MAX_LENGTH);
    }
}
