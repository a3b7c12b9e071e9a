package io.airlog.cdi;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Every MicroProfile Config key airlog-cdi reads. {@code docs/configuration.md} describes each
 * of them (type, default, environment variable, meaning); a test keeps the two in step.
 *
 * <p>Keys marked "per stream" below also exist for each named stream as
 * {@code airlog.streams.<name>.<rest>} (see {@link #forStream}); a named stream takes its own
 * value when set and the global one otherwise, except {@link #LOG_ID}, whose default for a
 * named stream is the stream's name. A named stream exists when
 * {@code airlog.streams.<name>.backend} is set.
 */
public final class AirlogConfigKeys {
    /** The prefix of every key. */
    public static final String PREFIX = "airlog.";
    /** The prefix of the keys of named streams: {@code airlog.streams.<name>.<rest>}. */
    public static final String STREAMS_PREFIX = PREFIX + "streams.";

    /** Whether the interceptor records events and streams are opened (boolean, default true). */
    public static final String ENABLED = PREFIX + "enabled";

    /** Per stream: where events go: {@code jdbc}, {@code json}, {@code memory} or {@code none}. */
    public static final String BACKEND = PREFIX + "backend";
    /** Per stream: the id of the log (chain) the stream writes. */
    public static final String LOG_ID = PREFIX + "log-id";
    /** Per stream: the JSON-lines file of a {@code json} stream (standard output when unset). */
    public static final String JSON_FILE = PREFIX + "json.file";
    /** Per stream: when JSON lines reach the disk: {@code buffered}, {@code flush}, {@code fsync}. */
    public static final String JSON_DURABILITY = PREFIX + "json.durability";
    /** Per stream: the name of the data source of a {@code jdbc} stream (the default data source when unset). */
    public static final String JDBC_DATASOURCE = PREFIX + "jdbc.datasource";
    /** Per stream: how the data source is found: {@code auto}, {@code cdi} or {@code jndi}. */
    public static final String JDBC_DATASOURCE_LOOKUP = PREFIX + "jdbc.datasource-lookup";
    /** Per stream: the prefix of the audit tables. */
    public static final String JDBC_TABLE_PREFIX = PREFIX + "jdbc.table-prefix";
    /** Per stream: what happens to the schema at start: {@code validate}, {@code create} or {@code none}. */
    public static final String JDBC_SCHEMA = PREFIX + "jdbc.schema";
    /** Per stream: the longest a caller waits for its event to be stored, and the writer for each answer of the database. */
    public static final String JDBC_WRITE_TIMEOUT = PREFIX + "jdbc.write-timeout";
    /** Per stream: {@code sync} (the call returns after the event is stored) or {@code async}. */
    public static final String WRITE_MODE = PREFIX + "write-mode";
    /** Per stream: the most events one batch (one transaction) stores. */
    public static final String BATCH_MAX_SIZE = PREFIX + "batch.max-size";
    /** Per stream: how long a batch smaller than the previous one waits for more events. */
    public static final String BATCH_MAX_DELAY = PREFIX + "batch.max-delay";
    /** Per stream: how many events may wait for the writer. */
    public static final String QUEUE_CAPACITY = PREFIX + "queue.capacity";
    /** Per stream: what a caller gets when the queue is full: {@code block} or {@code fail}. */
    public static final String QUEUE_FULL = PREFIX + "queue.full";
    /** Per stream: how long a caller waits for room in a full queue ({@code block}). */
    public static final String QUEUE_BLOCK_TIMEOUT = PREFIX + "queue.block-timeout";
    /** Per stream: what the caller of an audited method gets when its event cannot be stored: {@code fail} or {@code log}. */
    public static final String ON_WRITE_FAILURE = PREFIX + "on-write-failure";
    /** Per stream: context and metadata keys whose values are replaced by a marker. */
    public static final String REDACT_KEYS = PREFIX + "redact.keys";
    /** Per stream: whether the default redaction rules (secrets, e-mail addresses, card numbers, national ids) apply. */
    public static final String REDACT_DEFAULTS = PREFIX + "redact.defaults";
    /** Per stream: how a log is verified at start: {@code incremental}, {@code full} or {@code off}. */
    public static final String VERIFY_ON_STARTUP = PREFIX + "verify.on-startup";
    /** Per stream: what a damaged log does to the start: {@code fail} or {@code warn}. */
    public static final String VERIFY_ON_FAILURE = PREFIX + "verify.on-failure";

    /** Which of the audit interceptors records events (an {@code int}, a {@code @Priority} value). */
    public static final String INTERCEPTOR_PRIORITY = PREFIX + "interceptor.priority";
    /** Exception classes (and their subclasses) recorded as DENIED besides the standard ones. */
    public static final String INTERCEPTOR_DENIED_EXCEPTIONS = PREFIX + "interceptor.denied-exceptions";

    /** The keys that exist per stream, in their global form. */
    public static final List<String> STREAM_KEYS = List.of(BACKEND, LOG_ID, JSON_FILE, JSON_DURABILITY,
            JDBC_DATASOURCE, JDBC_DATASOURCE_LOOKUP, JDBC_TABLE_PREFIX, JDBC_SCHEMA, JDBC_WRITE_TIMEOUT, WRITE_MODE,
            BATCH_MAX_SIZE,
            BATCH_MAX_DELAY, QUEUE_CAPACITY, QUEUE_FULL, QUEUE_BLOCK_TIMEOUT, ON_WRITE_FAILURE, REDACT_KEYS, REDACT_DEFAULTS,
            VERIFY_ON_STARTUP, VERIFY_ON_FAILURE);

    /** The keys that exist only globally. */
    public static final List<String> GLOBAL_KEYS = List.of(ENABLED, INTERCEPTOR_PRIORITY,
            INTERCEPTOR_DENIED_EXCEPTIONS);

    /** The name of the default stream (configured by the global keys). */
    public static final String DEFAULT_STREAM = "default";

    /** What a stream name may look like: it becomes part of keys and environment variables. */
    public static final Pattern STREAM_NAME = Pattern.compile("[a-z][a-z0-9-]{0,62}");

    private AirlogConfigKeys() {
    }

    /**
     * The key of a named stream: {@code forStream("security", BACKEND)} is
     * {@code airlog.streams.security.backend}.
     *
     * @throws IllegalArgumentException if {@code key} is not one of {@link #STREAM_KEYS} or
     *         the name is not a valid stream name
     */
    public static String forStream(String streamName, String key) {
        Objects.requireNonNull(streamName, "streamName");
        if (!STREAM_KEYS.contains(key)) {
            throw new IllegalArgumentException(key + " is not a per-stream key; per-stream keys: " + STREAM_KEYS);
        }
        if (!STREAM_NAME.matcher(streamName).matches()) {
            throw new IllegalArgumentException("stream name '" + streamName
                    + "' is not valid: use 1 to 63 lower-case letters, digits and dashes, starting with a letter");
        }
        return STREAMS_PREFIX + streamName + "." + key.substring(PREFIX.length());
    }

    /**
     * The environment variable MicroProfile Config reads for {@code key}: every character
     * that is not a letter or digit becomes {@code _}, letters become upper case.
     */
    public static String environmentVariable(String key) {
        StringBuilder out = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            out.append(c < 128 && Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : '_');
        }
        return out.toString();
    }
}
