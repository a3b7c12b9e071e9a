package io.airlog;

/**
 * The size limits of an audit event, checked when a draft is built.
 *
 * <p>Lengths are counted in UTF-8 bytes, so that every value that passes fits the columns
 * of the SQL schema on every supported database (a {@code VARCHAR(n)} holds at least
 * {@code n} bytes' worth of characters). Documented in {@code docs/encoding.md}.
 */
public final class AuditLimits {
    /** Maximum UTF-8 length of a log id. */
    public static final int LOG_ID = 128;
    /** Maximum UTF-8 length of an action. */
    public static final int ACTION = 256;
    /** Maximum UTF-8 length of a principal's subject. */
    public static final int SUBJECT = 256;
    /** Maximum UTF-8 length of a resource type. */
    public static final int RESOURCE = 256;
    /** Maximum UTF-8 length of a resource id. */
    public static final int RESOURCE_ID = 256;
    /** Maximum UTF-8 length of a correlation id. */
    public static final int CORRELATION_ID = 128;
    /** Maximum UTF-8 length of the canonical JSON of a principal's metadata. */
    public static final int METADATA = 8 * 1024;
    /** Maximum UTF-8 length of the canonical JSON of an event's context. */
    public static final int CONTEXT = 64 * 1024;
    /** Maximum nesting depth of maps and lists in context and metadata. */
    public static final int DEPTH = 32;

    private AuditLimits() {
    }
}
