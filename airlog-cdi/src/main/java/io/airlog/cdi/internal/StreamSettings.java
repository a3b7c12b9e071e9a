package io.airlog.cdi.internal;

import static io.airlog.cdi.AirlogConfigKeys.BACKEND;
import static io.airlog.cdi.AirlogConfigKeys.BATCH_MAX_DELAY;
import static io.airlog.cdi.AirlogConfigKeys.BATCH_MAX_SIZE;
import static io.airlog.cdi.AirlogConfigKeys.JDBC_DATASOURCE;
import static io.airlog.cdi.AirlogConfigKeys.JDBC_DATASOURCE_LOOKUP;
import static io.airlog.cdi.AirlogConfigKeys.JDBC_SCHEMA;
import static io.airlog.cdi.AirlogConfigKeys.JDBC_TABLE_PREFIX;
import static io.airlog.cdi.AirlogConfigKeys.JDBC_WRITE_TIMEOUT;
import static io.airlog.cdi.AirlogConfigKeys.JSON_DURABILITY;
import static io.airlog.cdi.AirlogConfigKeys.JSON_FILE;
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

import io.airlog.AuditLimits;
import io.airlog.cdi.AirlogConfigKeys;
import io.airlog.stream.JsonLinesDurability;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The configuration of one stream, read and validated from {@code airlog.*} (the default
 * stream) or {@code airlog.streams.<name>.*} falling back to {@code airlog.*} (a named
 * stream). Settings a backend leaves to its own defaults are empty optionals.
 *
 * @param keyOf how each key of this stream is spelled (for messages)
 */
public record StreamSettings(String name, KeyNames keyOf, Backend backend, String logId, Optional<Path> jsonFile,
                      JsonLinesDurability jsonDurability, Optional<String> dataSource, DataSourceLookup lookup,
                      Optional<String> tablePrefix, SchemaChoice schema, WriteMode writeMode,
                      Optional<Integer> batchMaxSize, Optional<Duration> batchMaxDelay,
                      Optional<Integer> queueCapacity, QueueFull queueFull, Optional<Duration> queueBlockTimeout,
                      OnWriteFailure onWriteFailure, List<String> redactKeys, boolean redactDefaults,
                      VerifyMode verifyOnStartup,
                      VerifyFailure verifyOnFailure, Optional<Duration> writeTimeout) {

    /** Where a stream's events go. */
    enum Backend { JDBC, JSON, MEMORY, NONE }

    /** How {@code airlog.jdbc.datasource} is looked up. */
    enum DataSourceLookup { AUTO, CDI, JNDI }

    /** {@code airlog.jdbc.schema}. */
    enum SchemaChoice { VALIDATE, CREATE, NONE }

    /** {@code airlog.write-mode}. */
    enum WriteMode { SYNC, ASYNC }

    /** {@code airlog.queue.full}. */
    enum QueueFull { BLOCK, FAIL }

    /** {@code airlog.on-write-failure}. */
    enum OnWriteFailure { FAIL, LOG }

    /** {@code airlog.verify.on-startup}. */
    enum VerifyMode { INCREMENTAL, FULL, OFF }

    /** {@code airlog.verify.on-failure}. */
    enum VerifyFailure { FAIL, WARN }

    /** The spelling of the keys of one stream. */
    record KeyNames(String stream) {
        /** The key that configures {@code globalKey} for this stream. */
        String of(String globalKey) {
            return stream.equals(AirlogConfigKeys.DEFAULT_STREAM) ? globalKey
                    : AirlogConfigKeys.forStream(stream, globalKey);
        }
    }

    /** Reads the settings of stream {@code name} ({@link AirlogConfigKeys#DEFAULT_STREAM} for the default one). */
    static StreamSettings read(ConfigReader config, String name) {
        KeyNames keys = new KeyNames(name);
        boolean named = !name.equals(AirlogConfigKeys.DEFAULT_STREAM);
        Lookup in = new Lookup(config, keys, named);

        Backend backend = in.choice(BACKEND, Backend.class).orElse(Backend.JDBC);
        String logId = in.own(LOG_ID).orElse(named ? name : config.text(LOG_ID).orElse("default"));
        if (logId.getBytes(StandardCharsets.UTF_8).length > AuditLimits.LOG_ID) {
            throw ConfigReader.invalid(in.keyUsed(LOG_ID), logId, "at most " + AuditLimits.LOG_ID + " UTF-8 bytes");
        }
        Optional<Path> jsonFile = in.text(JSON_FILE).map(v -> path(in.keyUsed(JSON_FILE), v));
        JsonLinesDurability durability = in.choice(JSON_DURABILITY, JsonLinesDurability.class)
                .orElse(JsonLinesDurability.FLUSH);
        WriteMode writeMode = in.choice(WRITE_MODE, WriteMode.class).orElse(WriteMode.SYNC);
        if (writeMode == WriteMode.ASYNC && backend != Backend.JDBC) {
            throw ConfigReader.invalid(in.keyUsed(WRITE_MODE), "async", "stream '" + name + "' has backend "
                    + ConfigReader.spelling(backend) + ", which always records synchronously; set "
                    + keys.of(WRITE_MODE) + "=sync or use the jdbc backend");
        }
        StreamSettings settings = new StreamSettings(name, keys, backend, logId, jsonFile, durability,
                in.text(JDBC_DATASOURCE), in.choice(JDBC_DATASOURCE_LOOKUP, DataSourceLookup.class)
                .orElse(DataSourceLookup.AUTO),
                in.text(JDBC_TABLE_PREFIX), in.choice(JDBC_SCHEMA, SchemaChoice.class).orElse(SchemaChoice.VALIDATE),
                writeMode, in.integer(BATCH_MAX_SIZE, 1, Integer.MAX_VALUE), in.duration(BATCH_MAX_DELAY),
                in.integer(QUEUE_CAPACITY, 1, Integer.MAX_VALUE),
                in.choice(QUEUE_FULL, QueueFull.class).orElse(QueueFull.BLOCK), in.duration(QUEUE_BLOCK_TIMEOUT),
                in.choice(ON_WRITE_FAILURE, OnWriteFailure.class).orElse(OnWriteFailure.FAIL),
                in.list(REDACT_KEYS), in.bool(REDACT_DEFAULTS, false),
                in.choice(VERIFY_ON_STARTUP, VerifyMode.class).orElse(VerifyMode.INCREMENTAL),
                in.choice(VERIFY_ON_FAILURE, VerifyFailure.class).orElse(VerifyFailure.FAIL),
                in.duration(JDBC_WRITE_TIMEOUT));
        return settings;
    }

    private static Path path(String key, String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw ConfigReader.invalid(key, value, "not a valid file path: " + e.getMessage());
        }
    }

    /** The key that configures {@code globalKey} for this stream. */
    String key(String globalKey) {
        return keyOf.of(globalKey);
    }

    /** Reads a stream's own key first, then (for a named stream) the global one. */
    private record Lookup(ConfigReader config, KeyNames keys, boolean named) {
        Optional<String> own(String globalKey) {
            return named ? config.text(keys.of(globalKey)) : config.text(globalKey);
        }

        String keyUsed(String globalKey) {
            return named && config.text(keys.of(globalKey)).isPresent() ? keys.of(globalKey)
                    : named && globalKey.equals(LOG_ID) ? keys.of(globalKey) : globalKey;
        }

        Optional<String> text(String globalKey) {
            return config.text(keyUsed(globalKey));
        }

        <E extends Enum<E>> Optional<E> choice(String globalKey, Class<E> type) {
            return config.choice(keyUsed(globalKey), type);
        }

        Optional<Integer> integer(String globalKey, int min, int max) {
            return config.integer(keyUsed(globalKey), min, max);
        }

        Optional<Duration> duration(String globalKey) {
            return config.duration(keyUsed(globalKey));
        }

        List<String> list(String globalKey) {
            return config.list(keyUsed(globalKey));
        }

        boolean bool(String globalKey, boolean fallback) {
            return config.bool(keyUsed(globalKey), fallback);
        }
    }
}
