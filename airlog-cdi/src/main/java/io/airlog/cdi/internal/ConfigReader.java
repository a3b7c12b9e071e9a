package io.airlog.cdi.internal;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;

/**
 * Reads typed values from MicroProfile Config, with messages that name the key, the value
 * and what is allowed. Values are read as text and parsed here, so that every container's
 * Config implementation behaves alike.
 */
final class ConfigReader {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");

    private final Config config;

    ConfigReader(Config config) {
        this.config = config;
    }

    Config config() {
        return config;
    }

    Optional<String> text(String key) {
        return config.getOptionalValue(key, String.class).map(String::trim).filter(s -> !s.isEmpty());
    }

    boolean bool(String key, boolean fallback) {
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
    <E extends Enum<E>> Optional<E> choice(String key, Class<E> type) {
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

    static <E extends Enum<E>> String spelling(E constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static <E extends Enum<E>> String allowed(Class<E> type) {
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            names.add(spelling(constant));
        }
        return String.join(", ", names);
    }

    Optional<Integer> integer(String key, int min, int max) {
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

    /** A duration: {@code 250ms}, {@code 2s}, {@code 1m}, {@code 1h}, a number of milliseconds, or ISO-8601 ({@code PT2S}). */
    Optional<Duration> duration(String key) {
        return text(key).map(v -> parseDuration(key, v));
    }

    static Duration parseDuration(String key, String v) {
        Matcher m = DURATION.matcher(v);
        if (m.matches()) {
            long amount;
            try {
                amount = Long.parseLong(m.group(1));
            } catch (NumberFormatException e) {
                throw invalid(key, v, "the number is too large");
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
        throw invalid(key, v, "expected a duration such as 250ms, 2s, 1m, 1h or PT2S");
    }

    /** A comma-separated list; blank entries are left out. */
    List<String> list(String key) {
        return text(key).map(v -> splitList(v)).orElse(List.of());
    }

    static List<String> splitList(String v) {
        List<String> out = new ArrayList<>();
        for (String part : v.split(",")) {
            String p = part.trim();
            if (!p.isEmpty()) {
                out.add(p);
            }
        }
        return List.copyOf(out);
    }

    static IllegalArgumentException invalid(String key, String value, String allowed) {
        return new IllegalArgumentException(key + ": invalid value '" + value + "'; " + allowed);
    }
}
