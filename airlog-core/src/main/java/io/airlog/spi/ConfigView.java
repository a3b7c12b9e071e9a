package io.airlog.spi;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Typed, validated reading of airlog's configuration, the same for airlog's own keys and for
 * every backend's: a bad value fails with an {@link IllegalArgumentException} that names the
 * key, the value and what is allowed, for example
 * {@code airlog.json.durability: invalid value 'always'; allowed values: buffered, flush, fsync}.
 *
 * <p>A view reads relative keys ({@code "file"}) under one or more prefixes, in order: the
 * first prefix under which a key is set gives its value. A named stream's view has the
 * prefixes {@code airlog.streams.<name>.} and {@code airlog.}, so a stream's own value wins
 * and the global one is the fallback; {@link #under} narrows a view to a backend's own keys
 * ({@code under("json.")} reads {@code airlog.streams.<name>.json.file}, then
 * {@code airlog.json.file}).
 *
 * <p>Values are read as text from a source (MicroProfile Config in airlog-cdi, a map in
 * plain Java and tests) and parsed here, so every source behaves alike: blank means unset;
 * choices are enum constants spelled in lower case with dashes ({@code QUEUE_FULL} is
 * {@code queue-full}), case-insensitive; durations are {@code 250ms}, {@code 2s},
 * {@code 1m}, {@code 1h}, a number of milliseconds or ISO-8601 ({@code PT2S}); lists are
 * comma-separated. Immutable and safe for concurrent use.
 */
public final class ConfigView {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");

    private final Function<String, Optional<String>> source;
    private final List<String> prefixes;

    private ConfigView(Function<String, Optional<String>> source, List<String> prefixes) {
        this.source = source;
        this.prefixes = prefixes;
    }

    /**
     * A view of {@code source} under {@code prefixes}, searched in order.
     *
     * @param source gives the raw value of a full key, or empty when it is not set
     * @param prefixes at least one, each ending with a dot (e.g. {@code "airlog."})
     * @return the view
     */
    public static ConfigView of(Function<String, Optional<String>> source, List<String> prefixes) {
        Objects.requireNonNull(source, "source");
        if (prefixes.isEmpty()) {
            throw new IllegalArgumentException("a configuration view needs at least one prefix");
        }
        for (String prefix : prefixes) {
            if (!prefix.endsWith(".")) {
                throw new IllegalArgumentException("configuration prefix '" + prefix + "' must end with a dot");
            }
        }
        return new ConfigView(source, List.copyOf(prefixes));
    }

    /**
     * The same source, reading keys under {@code relativePrefix} of each of this view's
     * prefixes.
     *
     * @param relativePrefix e.g. {@code "json."}
     * @return the narrower view
     */
    public ConfigView under(String relativePrefix) {
        List<String> narrower = new ArrayList<>(prefixes.size());
        for (String prefix : prefixes) {
            narrower.add(prefix + relativePrefix);
        }
        return of(source, narrower);
    }

    /** The prefixes of this view, in the order they are searched. */
    public List<String> prefixes() {
        return prefixes;
    }

    /**
     * The full name of the key that gives {@code key}'s value: the first prefix under which it
     * is set, else the last prefix (where a user would set it for every stream).
     */
    public String keyUsed(String key) {
        for (String prefix : prefixes) {
            if (raw(prefix + key).isPresent()) {
                return prefix + key;
            }
        }
        return prefixes.get(prefixes.size() - 1) + key;
    }

    /** The full name of {@code key} under this view's first prefix (its most specific spelling). */
    public String ownKey(String key) {
        return prefixes.get(0) + key;
    }

    private Optional<String> raw(String fullKey) {
        return source.apply(fullKey).map(String::trim).filter(v -> !v.isEmpty());
    }

    /** The value of {@code key}, trimmed; empty when it is unset or blank. */
    public Optional<String> text(String key) {
        for (String prefix : prefixes) {
            Optional<String> value = raw(prefix + key);
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    /**
     * The value of {@code key}, which must be set.
     *
     * @param why what needs it, for the message (e.g. {@code "the slf4j backend"})
     * @throws IllegalArgumentException naming the key when it is not set
     */
    public String required(String key, String why) {
        return text(key).orElseThrow(() -> new IllegalArgumentException(keyUsed(key) + " is required by " + why));
    }

    /** {@code true} or {@code false} (case-insensitive); {@code fallback} when unset. */
    public boolean bool(String key, boolean fallback) {
        Optional<String> value = text(key);
        if (value.isEmpty()) {
            return fallback;
        }
        String v = value.get().toLowerCase(Locale.ROOT);
        if (v.equals("true") || v.equals("false")) {
            return Boolean.parseBoolean(v);
        }
        throw invalid(key, value.get(), "allowed values: true, false");
    }

    /** An enum constant named like the value, with dashes for underscores, case-insensitive. */
    public <E extends Enum<E>> Optional<E> choice(String key, Class<E> type) {
        Optional<String> value = text(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String wanted = value.get().toLowerCase(Locale.ROOT);
        for (E constant : type.getEnumConstants()) {
            if (spelling(constant).equals(wanted)) {
                return Optional.of(constant);
            }
        }
        throw invalid(key, value.get(), "allowed values: " + allowed(type));
    }

    /** How an enum constant is spelled in configuration: lower case, dashes for underscores. */
    public static String spelling(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The spellings of every constant of {@code type}, comma-separated. */
    public static <E extends Enum<E>> String allowed(Class<E> type) {
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            names.add(spelling(constant));
        }
        return String.join(", ", names);
    }

    /** An integer from {@code min} to {@code max}. */
    public Optional<Integer> integer(String key, int min, int max) {
        return text(key).map(v -> {
            int parsed;
            try {
                parsed = Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw invalid(key, v, "expected an integer from " + min + " to " + max);
            }
            if (parsed < min || parsed > max) {
                throw invalid(key, v, "expected an integer from " + min + " to " + max);
            }
            return parsed;
        });
    }

    /** A duration, not negative (see the class description for the forms). */
    public Optional<Duration> duration(String key) {
        return text(key).map(v -> parseDuration(keyUsed(key), v));
    }

    private static Duration parseDuration(String key, String v) {
        Matcher m = DURATION.matcher(v);
        if (m.matches()) {
            long amount;
            try {
                amount = Long.parseLong(m.group(1));
            } catch (NumberFormatException e) {
                throw invalidValue(key, v, "the number is too large");
            }
            String unit = m.group(2) == null ? "ms" : m.group(2);
            return switch (unit) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        }
        if (v.regionMatches(true, 0, "PT", 0, 2)) {
            try {
                Duration d = Duration.parse(v);
                if (!d.isNegative()) {
                    return d;
                }
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        throw invalidValue(key, v, "expected a duration such as 250ms, 2s, 1m, 1h or PT2S");
    }

    /** A comma-separated list; blank entries are left out; empty when unset. */
    public List<String> list(String key) {
        Optional<String> value = text(key);
        if (value.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String part : value.get().split(",")) {
            String p = part.trim();
            if (!p.isEmpty()) {
                out.add(p);
            }
        }
        return List.copyOf(out);
    }

    /** A file path. */
    public Optional<Path> path(String key) {
        return text(key).map(v -> {
            try {
                return Path.of(v);
            } catch (InvalidPathException e) {
                throw invalid(key, v, "not a valid file path: " + e.getMessage());
            }
        });
    }

    /**
     * The error for a bad value of {@code key}: {@code <full key>: invalid value '<value>'; <allowed>}.
     *
     * @param key the relative key
     * @param value the bad value
     * @param allowed what is allowed
     * @return the exception, to throw
     */
    public IllegalArgumentException invalid(String key, String value, String allowed) {
        return invalidValue(keyUsed(key), value, allowed);
    }

    /** The error for a bad value of the full key {@code fullKey}. */
    public static IllegalArgumentException invalidValue(String fullKey, String value, String allowed) {
        return new IllegalArgumentException(fullKey + ": invalid value '" + value + "'; " + allowed);
    }
}
