package io.airlog.cdi;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every MicroProfile Config key airlog-cdi reads. {@code docs/configuration.md} describes each
 * of them (type, default, environment variable, meaning); a test keeps the two in step.
 *
 * <p>Keys marked "per stream" below, and every backend's own keys
 * ({@code airlog.<backend>.<key>}, listed by its {@link io.airlog.spi.AuditBackendProvider}),
 * also exist for each named stream as {@code airlog.streams.<name>.<rest>} (see
 * {@link #forStream}); a named stream takes its own value when set and the global one
 * otherwise, except {@link #LOG_ID}, whose default for a named stream is the stream's name,
 * and the fan-out keys, which a stream has only of its own. A named stream exists when
 * {@code airlog.streams.<name>.backend} is set.
 */
public final class AirlogConfigKeys {
    /** The prefix of every key. */
    public static final String PREFIX = "airlog.";
    /** The prefix of the keys of named streams: {@code airlog.streams.<name>.<rest>}. */
    public static final String STREAMS_PREFIX = PREFIX + "streams.";

    /** Whether the interceptor records events and streams are opened (boolean, default true). */
    public static final String ENABLED = PREFIX + "enabled";

    /**
     * Per stream: where events go: the name of a backend ({@code jdbc}, {@code json},
     * {@code memory}, {@code none}, or one a module or the application provides, see
     * {@link io.airlog.spi.AuditBackendProvider}). A backend's own keys are
     * {@code airlog.<backend>.<key>} (see {@link #forBackend}).
     */
    public static final String BACKEND = PREFIX + "backend";
    /** Per stream: the id of the log (chain) the stream writes. */
    public static final String LOG_ID = PREFIX + "log-id";
    /** Per stream: {@code sync} (the call returns after the event is stored) or {@code async}. */
    public static final String WRITE_MODE = PREFIX + "write-mode";
    /**
     * Per stream: the longest a caller waits for its event to be stored by a backend that
     * batches (jdbc, and any backend on the group-commit writer), room in the queue included;
     * the jdbc backend also bounds each wait of its writer for the database by it.
     */
    public static final String WRITE_TIMEOUT = PREFIX + "write-timeout";
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
    /**
     * Per stream, without fallback to the global key: the other streams that must also store
     * every event of this stream (a failure fails the call).
     */
    public static final String FAN_OUT_REQUIRED = PREFIX + "fan-out.required";
    /**
     * Per stream, without fallback to the global key: the other streams that should also store
     * every event of this stream (a failure is counted and logged; the call succeeds).
     */
    public static final String FAN_OUT_BEST_EFFORT = PREFIX + "fan-out.best-effort";

    /**
     * Per stream: whether the log is signed with checkpoints (boolean; default: true when
     * {@link #CHECKPOINT_KEY_FILE} or {@link #CHECKPOINT_KEYSTORE} is set). {@code true}
     * without a key fails the start naming the key.
     */
    public static final String CHECKPOINT_ENABLED = PREFIX + "checkpoint.enabled";
    /** Per stream: the Ed25519 signing key as an unencrypted PKCS#8 PEM file ({@code airlog keygen}). */
    public static final String CHECKPOINT_KEY_FILE = PREFIX + "checkpoint.key-file";
    /** Per stream: a PKCS#12 keystore holding the Ed25519 signing key (instead of a key file). */
    public static final String CHECKPOINT_KEYSTORE = PREFIX + "checkpoint.keystore";
    /** Per stream: the password of {@link #CHECKPOINT_KEYSTORE} (also the entry's). */
    public static final String CHECKPOINT_KEYSTORE_PASSWORD = PREFIX + "checkpoint.keystore-password";
    /** Per stream: the entry of {@link #CHECKPOINT_KEYSTORE} that holds the key. */
    public static final String CHECKPOINT_KEYSTORE_ALIAS = PREFIX + "checkpoint.keystore-alias";
    /** Per stream: the key name the signatures carry (default: the origin up to its first {@code /}). */
    public static final String CHECKPOINT_KEY_NAME = PREFIX + "checkpoint.key-name";
    /** Per stream: the origin line of the checkpoints (default {@code airlog/<log id>}). */
    public static final String CHECKPOINT_ORIGIN = PREFIX + "checkpoint.origin";
    /** Per stream: the longest time an event waits for its checkpoint (default 1s; 0: after every event or batch). */
    public static final String CHECKPOINT_INTERVAL = PREFIX + "checkpoint.interval";
    /** Per stream: verifier keys trusted besides the signing key's own (key rotation), comma-separated. */
    public static final String CHECKPOINT_TRUSTED_KEYS = PREFIX + "checkpoint.trusted-keys";
    /** Per stream: a file of verifier keys trusted besides the signing key's own, one per line. */
    public static final String CHECKPOINT_TRUSTED_KEYS_FILE = PREFIX + "checkpoint.trusted-keys-file";
    /** Per stream: whether a log signed with checkpoints publishes them to a witness file (boolean, default true). */
    public static final String WITNESS_ENABLED = PREFIX + "witness.enabled";
    /** Per stream: the witness file of the log (default: {@code <witness.directory>/<log id>.witness}). */
    public static final String WITNESS_FILE = PREFIX + "witness.file";
    /** Per stream: the directory of the witness files, one per log (default {@code airlog-witness}). */
    public static final String WITNESS_DIRECTORY = PREFIX + "witness.directory";
    /** Per stream: how soon a signed checkpoint reaches the witness (default 1s). */
    public static final String WITNESS_WINDOW = PREFIX + "witness.window";

    /** Which of the audit interceptors records events (an {@code int}, a {@code @Priority} value). */
    public static final String INTERCEPTOR_PRIORITY = PREFIX + "interceptor.priority";
    /** Exception classes (and their subclasses) recorded as DENIED besides the standard ones. */
    public static final String INTERCEPTOR_DENIED_EXCEPTIONS = PREFIX + "interceptor.denied-exceptions";

    /** The keys that exist per stream, in their global form. */
    public static final List<String> STREAM_KEYS = List.of(BACKEND, LOG_ID, WRITE_MODE, WRITE_TIMEOUT,
            BATCH_MAX_SIZE, BATCH_MAX_DELAY, QUEUE_CAPACITY, QUEUE_FULL, QUEUE_BLOCK_TIMEOUT, ON_WRITE_FAILURE,
            REDACT_KEYS, REDACT_DEFAULTS, VERIFY_ON_STARTUP, VERIFY_ON_FAILURE, FAN_OUT_REQUIRED, FAN_OUT_BEST_EFFORT,
            CHECKPOINT_ENABLED, CHECKPOINT_KEY_FILE, CHECKPOINT_KEYSTORE, CHECKPOINT_KEYSTORE_PASSWORD,
            CHECKPOINT_KEYSTORE_ALIAS, CHECKPOINT_KEY_NAME, CHECKPOINT_ORIGIN, CHECKPOINT_INTERVAL,
            CHECKPOINT_TRUSTED_KEYS, CHECKPOINT_TRUSTED_KEYS_FILE, WITNESS_ENABLED, WITNESS_FILE, WITNESS_DIRECTORY,
            WITNESS_WINDOW);

    /** The keys that exist only globally. */
    public static final List<String> GLOBAL_KEYS = List.of(ENABLED, INTERCEPTOR_PRIORITY,
            INTERCEPTOR_DENIED_EXCEPTIONS);

    /**
     * The first words of airlog's own keys, which no backend may take as its name (its keys
     * would mix with airlog's).
     */
    public static final Set<String> RESERVED_WORDS = Set.of("enabled", "backend", "log-id", "write-mode",
            "write-timeout", "batch", "queue", "on-write-failure", "redact", "verify", "fan-out", "interceptor",
            "streams", "checkpoint", "witness");

    /** The name of the default stream (configured by the global keys). */
    public static final String DEFAULT_STREAM = "default";

    /** What a stream name may look like: it becomes part of keys and environment variables. */
    public static final Pattern STREAM_NAME = Pattern.compile("[a-z][a-z0-9-]{0,62}");

    private AirlogConfigKeys() {
    }

    /**
     * The key of a named stream: {@code forStream("security", BACKEND)} is
     * {@code airlog.streams.security.backend}; {@code forStream("security",
     * forBackend("jdbc", "schema"))} is {@code airlog.streams.security.jdbc.schema}.
     *
     * @param key one of {@link #STREAM_KEYS} or a backend's key ({@link #forBackend})
     * @throws IllegalArgumentException if {@code key} is a global key or not an airlog key, or
     *         the name is not a valid stream name
     */
    public static String forStream(String streamName, String key) {
        Objects.requireNonNull(streamName, "streamName");
        if (!key.startsWith(PREFIX) || GLOBAL_KEYS.contains(key) || key.startsWith(STREAMS_PREFIX)) {
            throw new IllegalArgumentException(key + " is not a per-stream key; per-stream keys: " + STREAM_KEYS
                    + " and every backend's airlog.<backend>.<key>");
        }
        if (!STREAM_NAME.matcher(streamName).matches()) {
            throw new IllegalArgumentException("stream name '" + streamName
                    + "' is not valid: use 1 to 63 lower-case letters, digits and dashes, starting with a letter");
        }
        return STREAMS_PREFIX + streamName + "." + key.substring(PREFIX.length());
    }

    /**
     * The global form of a backend's own key: {@code forBackend("json", "file")} is
     * {@code airlog.json.file}. Such keys are per stream.
     */
    public static String forBackend(String backend, String key) {
        return PREFIX + backend + "." + key;
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
