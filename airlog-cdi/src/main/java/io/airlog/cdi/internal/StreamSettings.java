package io.airlog.cdi.internal;

import static io.airlog.cdi.AirlogConfigKeys.BACKEND;
import static io.airlog.cdi.AirlogConfigKeys.BATCH_MAX_DELAY;
import static io.airlog.cdi.AirlogConfigKeys.BATCH_MAX_SIZE;
import static io.airlog.cdi.AirlogConfigKeys.FAN_OUT_BEST_EFFORT;
import static io.airlog.cdi.AirlogConfigKeys.FAN_OUT_REQUIRED;
import static io.airlog.cdi.AirlogConfigKeys.LOG_ID;
import static io.airlog.cdi.AirlogConfigKeys.ON_WRITE_FAILURE;
import static io.airlog.cdi.AirlogConfigKeys.QUEUE_BLOCK_TIMEOUT;
import static io.airlog.cdi.AirlogConfigKeys.QUEUE_CAPACITY;
import static io.airlog.cdi.AirlogConfigKeys.QUEUE_FULL;
import static io.airlog.cdi.AirlogConfigKeys.REDACT_DEFAULTS;
import static io.airlog.cdi.AirlogConfigKeys.REDACT_KEYS;
import static io.airlog.cdi.AirlogConfigKeys.VERIFY_ON_FAILURE;
import static io.airlog.cdi.AirlogConfigKeys.VERIFY_ON_STARTUP;
import static io.airlog.cdi.AirlogConfigKeys.WRITE_MODE;
import static io.airlog.cdi.AirlogConfigKeys.WRITE_TIMEOUT;

import io.airlog.AuditLimits;
import io.airlog.QueueFullPolicy;
import io.airlog.WriteMode;
import io.airlog.cdi.AirlogConfigKeys;
import io.airlog.pipeline.Redactor;
import io.airlog.spi.ConfigView;
import io.airlog.spi.VerifyMode;
import io.airlog.spi.batch.WriterConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The configuration of one stream, read once and validated: {@code airlog.*} for the default
 * stream, {@code airlog.streams.<name>.*} falling back to {@code airlog.*} for a named one.
 * The backend's own keys are read by the backend, through {@link #backendView()}.
 *
 * @param name the stream's name
 * @param view the stream's keys (its own first, then the global ones)
 * @param backend the name of its backend
 * @param logId the log it writes
 * @param writer its writer settings and write mode
 * @param onWriteFailure what a caller gets when its event cannot be stored
 * @param redaction what is redacted before the backend seals
 * @param verify the start-up check
 * @param fanOut the other streams every event of this one also goes to
 */
public record StreamSettings(String name, ConfigView view, String backend, String logId, WriterConfig writer,
                             OnWriteFailure onWriteFailure, Redaction redaction, StartupCheck verify, FanOut fanOut) {

    /** {@code airlog.on-write-failure}. */
    public enum OnWriteFailure { FAIL, LOG }

    /** {@code airlog.verify.on-failure}. */
    public enum VerifyFailure { FAIL, WARN }

    /**
     * {@code airlog.redact.*}.
     *
     * @param keys key names whose values are masked
     * @param defaults whether the default rules apply
     * @param redactor the redactor they make; empty when nothing is redacted
     */
    public record Redaction(List<String> keys, boolean defaults, Optional<Redactor> redactor) {
    }

    /**
     * {@code airlog.verify.*}.
     *
     * @param mode how the stored log is verified at start
     * @param onFailure what a damaged log does to the start
     */
    public record StartupCheck(VerifyMode mode, VerifyFailure onFailure) {
    }

    /**
     * {@code airlog.fan-out.*}: the streams, other than this one, whose backends also store
     * every event recorded to this stream.
     *
     * @param required those whose failure fails the call
     * @param bestEffort those whose failure is counted and logged
     */
    public record FanOut(List<String> required, List<String> bestEffort) {
        /** Every fan-out stream, required ones first. */
        List<String> all() {
            List<String> all = new ArrayList<>(required);
            all.addAll(bestEffort);
            return all;
        }
    }

    /**
     * Reads the settings of stream {@code name}.
     *
     * @param source the raw value of a full key
     * @param name {@link AirlogConfigKeys#DEFAULT_STREAM} or a declared stream's name
     * @param backends the names of the backends that exist
     * @throws IllegalArgumentException naming the key of the first invalid value
     */
    static StreamSettings read(Function<String, Optional<String>> source, String name, Set<String> backends) {
        boolean named = !name.equals(AirlogConfigKeys.DEFAULT_STREAM);
        String own = named ? AirlogConfigKeys.STREAMS_PREFIX + name + "." : AirlogConfigKeys.PREFIX;
        ConfigView view = ConfigView.of(source, named ? List.of(own, AirlogConfigKeys.PREFIX) : List.of(own));
        ConfigView ownOnly = ConfigView.of(source, List.of(own));

        String backend = view.text(rel(BACKEND)).orElse("jdbc");
        if (!backends.contains(backend)) {
            throw view.invalid(rel(BACKEND), backend, "allowed values: " + String.join(", ", backends));
        }
        String logId = ownOnly.text(rel(LOG_ID)).orElse(named ? name : "default");
        if (logId.getBytes(StandardCharsets.UTF_8).length > AuditLimits.LOG_ID) {
            throw ownOnly.invalid(rel(LOG_ID), logId, "at most " + AuditLimits.LOG_ID + " UTF-8 bytes");
        }
        return new StreamSettings(name, view, backend, logId, writer(view),
                view.choice(rel(ON_WRITE_FAILURE), OnWriteFailure.class).orElse(OnWriteFailure.FAIL),
                redaction(view),
                new StartupCheck(view.choice(rel(VERIFY_ON_STARTUP), VerifyMode.class).orElse(VerifyMode.INCREMENTAL),
                        view.choice(rel(VERIFY_ON_FAILURE), VerifyFailure.class).orElse(VerifyFailure.FAIL)),
                fanOut(ownOnly, name));
    }

    /** A global key relative to {@code airlog.}. */
    private static String rel(String globalKey) {
        return globalKey.substring(AirlogConfigKeys.PREFIX.length());
    }

    private static WriterConfig writer(ConfigView view) {
        WriterConfig d = WriterConfig.DEFAULT;
        int maxBatch = view.integer(rel(BATCH_MAX_SIZE), 1, WriterConfig.MAX_BATCH_SIZE).orElse(d.maxBatchSize());
        Duration maxDelay = view.duration(rel(BATCH_MAX_DELAY)).orElse(d.maxDelay());
        if (maxDelay.compareTo(WriterConfig.MAX_DELAY) > 0) {
            throw view.invalid(rel(BATCH_MAX_DELAY), view.text(rel(BATCH_MAX_DELAY)).orElseThrow(),
                    "expected a duration from 0 to 1s");
        }
        int capacity = view.integer(rel(QUEUE_CAPACITY), 1, Integer.MAX_VALUE).orElse(d.queueCapacity());
        Duration blockTimeout = view.duration(rel(QUEUE_BLOCK_TIMEOUT)).orElse(d.blockTimeout());
        if (blockTimeout.isZero()) {
            throw view.invalid(rel(QUEUE_BLOCK_TIMEOUT), view.text(rel(QUEUE_BLOCK_TIMEOUT)).orElseThrow(),
                    "expected a positive duration");
        }
        Duration writeTimeout = view.duration(rel(WRITE_TIMEOUT)).orElse(d.writeTimeout());
        if (writeTimeout.compareTo(WriterConfig.MIN_WRITE_TIMEOUT) < 0
                || writeTimeout.compareTo(WriterConfig.MAX_WRITE_TIMEOUT) > 0) {
            throw view.invalid(rel(WRITE_TIMEOUT), view.text(rel(WRITE_TIMEOUT)).orElseThrow(),
                    "expected a duration from 100ms to 24h");
        }
        return new WriterConfig(maxBatch, maxDelay, capacity,
                view.choice(rel(QUEUE_FULL), QueueFullPolicy.class).orElse(d.queueFull()), blockTimeout, writeTimeout,
                view.choice(rel(WRITE_MODE), WriteMode.class).orElse(d.writeMode()));
    }

    private static Redaction redaction(ConfigView view) {
        List<String> keys = view.list(rel(REDACT_KEYS));
        boolean defaults = view.bool(rel(REDACT_DEFAULTS), false);
        if (!defaults && keys.isEmpty()) {
            return new Redaction(keys, false, Optional.empty());
        }
        Redactor.Builder redactor = Redactor.builder();
        if (defaults) {
            redactor.defaults();
        }
        for (String key : keys) {
            try {
                redactor.key(key);
            } catch (IllegalArgumentException e) {
                throw view.invalid(rel(REDACT_KEYS), key, e.getMessage());
            }
        }
        return new Redaction(keys, defaults, Optional.of(redactor.build()));
    }

    private static FanOut fanOut(ConfigView own, String name) {
        List<String> required = own.list(rel(FAN_OUT_REQUIRED));
        List<String> bestEffort = own.list(rel(FAN_OUT_BEST_EFFORT));
        Set<String> seen = new LinkedHashSet<>();
        for (String target : concat(required, bestEffort)) {
            String key = required.contains(target) && !seen.contains(target) ? rel(FAN_OUT_REQUIRED)
                    : rel(FAN_OUT_BEST_EFFORT);
            if (target.equals(name)) {
                throw own.invalid(key, target, "a stream cannot fan out to itself");
            }
            if (!seen.add(target)) {
                throw own.invalid(key, target, "stream '" + target + "' is listed twice in the fan-out of stream '"
                        + name + "'");
            }
        }
        return new FanOut(required, bestEffort);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** The backend's own keys for this stream: {@code airlog.streams.<name>.<backend>.*}, then {@code airlog.<backend>.*}. */
    ConfigView backendView() {
        return view.under(backend + ".");
    }

    /** The key that configures {@code globalKey} for this stream, as the user spelled it or would. */
    String key(String globalKey) {
        String relative = rel(globalKey);
        if (name.equals(AirlogConfigKeys.DEFAULT_STREAM)) {
            return globalKey;
        }
        if (globalKey.equals(LOG_ID) || globalKey.equals(FAN_OUT_REQUIRED) || globalKey.equals(FAN_OUT_BEST_EFFORT)) {
            return AirlogConfigKeys.forStream(name, globalKey);
        }
        return view.keyUsed(relative);
    }

    /** The write mode ({@code airlog.write-mode}). */
    WriteMode writeMode() {
        return writer.writeMode();
    }
}
