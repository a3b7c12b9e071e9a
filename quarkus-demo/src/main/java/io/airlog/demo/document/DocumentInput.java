package io.airlog.demo.document;

/**
 * What a client sends to create or change a document.
 *
 * @param title the title: required, at most {@value #MAX_TITLE} characters
 * @param body the text: at most {@value #MAX_BODY} characters; null means empty
 */
public record DocumentInput(String title, String body) {
    /** The longest title. */
    public static final int MAX_TITLE = 200;
    /** The longest body. */
    public static final int MAX_BODY = 10_000;

    /**
     * This input, checked: the title trimmed, a null body empty.
     *
     * @throws IllegalArgumentException naming the field when the title is missing or blank, or a
     *         field is too long
     */
    public DocumentInput checked() {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("title: required, must not be blank");
        }
        String t = title.strip();
        if (t.length() > MAX_TITLE) {
            throw new IllegalArgumentException("title: at most " + MAX_TITLE + " characters, got " + t.length());
        }
        String b = body == null ? "" : body;
        if (b.length() > MAX_BODY) {
            throw new IllegalArgumentException("body: at most " + MAX_BODY + " characters, got " + b.length());
        }
        return new DocumentInput(t, b);
    }
}
