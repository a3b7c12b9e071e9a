package io.airlog.demo.document;

import io.airlog.demo.http.BadInputException;
import io.airlog.demo.http.InputText;

/**
 * A document's title and body as stored: checked by {@link #of}.
 *
 * @param title the title: required, not blank, stripped, at most {@value #MAX_TITLE} characters
 * @param body the text: at most {@value #MAX_BODY} characters; empty when none was sent
 */
public record DocumentInput(String title, String body) {
    /** The longest title. */
    public static final int MAX_TITLE = 200;
    /** The longest body. */
    public static final int MAX_BODY = 10_000;

    /**
     * Checks what a client sent.
     *
     * @throws BadInputException naming the field when the title is missing or blank, or a field
     *         is too long or holds U+0000 or an unpaired surrogate
     */
    public static DocumentInput of(String title, String body) {
        if (title == null || title.isBlank()) {
            throw new BadInputException("title: required, must not be blank");
        }
        String t = InputText.checked("title", title.strip(), MAX_TITLE);
        String b = body == null ? "" : InputText.checked("body", body, MAX_BODY);
        return new DocumentInput(t, b);
    }
}
