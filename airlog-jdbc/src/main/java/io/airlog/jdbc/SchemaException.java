package io.airlog.jdbc;

import io.airlog.AuditException;
import java.util.List;

/**
 * airlog's tables do not have the expected shape: a table, column or insert-only trigger is
 * missing, or a column is too short. Raised by {@link SchemaManager#validate}; the message
 * names every problem found.
 */
public class SchemaException extends AuditException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    /**
     * @param summary what was checked
     * @param problems each problem found, naming the object
     */
    public SchemaException(String summary, List<String> problems) {
        super(summary + ": " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem found, e.g. {@code missing table airlog_head}. */
    public List<String> problems() {
        return problems;
    }
}
