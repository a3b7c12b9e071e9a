package io.airlog.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.erdtman.jcs.NumberToJSON;

/** RFC 8785 / ECMAScript serialisation of numbers. */
final class Numbers {
    private Numbers() {
    }

    /** Formats a finite double the way ECMAScript's Number.prototype.toString does. */
    static String format(double d) {
        if (d == Math.rint(d) && Math.abs(d) <= JsonValues.MAX_EXACT) {
            return Long.toString((long) d); // fast path, identical output; also maps -0 to "0"
        }
        try {
            return NumberToJSON.serializeNumber(d);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
