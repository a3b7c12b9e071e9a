package io.airlog.demo.http;

/**
 * An integer query parameter as the client sent it: read without throwing, checked when its
 * value is asked for (inside the audited call, so that a bad value is recorded as FAILURE).
 *
 * @param name the parameter's name
 * @param raw what was sent, null when absent
 * @param defaultValue the value when absent or blank
 * @param min the smallest value allowed
 * @param max the largest value allowed
 */
public record IntegerParameter(String name, String raw, long defaultValue, long min, long max) {

    /**
     * The value.
     *
     * @throws BadInputException naming the parameter when it is not an integer in [min, max]
     */
    public long value() {
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        long v;
        try {
            v = Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            throw new BadInputException(name + ": must be an integer from " + min + " to " + max + ", got '"
                    + InputText.shown(raw) + "'");
        }
        if (v < min || v > max) {
            throw new BadInputException(name + ": must be from " + min + " to " + max + ", got " + v);
        }
        return v;
    }

    /** What an audit event records: the value when it is valid, else the text as sent ({@link InputText#shown}). */
    public Object shown() {
        try {
            return value();
        } catch (BadInputException e) {
            return InputText.shown(raw);
        }
    }
}
