package io.airlog.payara;

/**
 * A parameter as the client sent it (null when absent), for an audited call to check.
 *
 * @param text the parameter, decoded
 */
public record Raw(String text) {

    /** The text as an audit event records it ({@link Input#shown}). */
    public String shown() {
        return Input.shown(text);
    }

    /** As an audit event records a number: the whole number it is, else the text as {@linkplain #shown shown}. */
    public Object number() {
        try {
            return text == null ? null : Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return shown();
        }
    }
}
