package io.airlog.pipeline;

import io.airlog.AuditDraft;
import io.airlog.Principal;
import io.airlog.internal.JsonValues;
import io.airlog.internal.Luhn;
import io.airlog.internal.PatternRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Middleware that masks sensitive values in a draft's context and in its principal's
 * metadata, at any depth of nested maps and lists, before the event is sealed: the stored
 * event carries only the masked value, and its checksum covers what is stored.
 *
 * <p>Two kinds of rules:
 * <ul>
 * <li><b>Key rules.</b> The whole value of a map entry whose key matches (a string, number,
 *     null, or a nested map or list alike) becomes the {@linkplain Builder#marker marker}.
 *     Keys are compared after normalisation: lower case, letters and digits only, so the key
 *     rule {@code "api_key"} matches {@code apiKey}, {@code API-KEY} and {@code apikey}.
 *     {@link Builder#key} matches equal keys, {@link Builder#keyContaining} keys that contain
 *     the fragment ({@code "token"} matches {@code accessToken} and {@code refresh_token}).</li>
 * <li><b>Pattern rules</b> rewrite the matches of a regular expression inside every string
 *     value (map keys, numbers and booleans are left alone), in the order they were added.</li>
 * </ul>
 * The top-level fields of the event (action, resource, resource id, subject, correlation id)
 * are identifiers and are not redacted: keep personal data out of them, or in context.
 *
 * <p>{@link #defaults()} masks, with the marker {@value #MARKER}:
 * <ul>
 * <li>secrets by key: keys containing {@code password}, {@code passwd}, {@code passphrase},
 *     {@code secret}, {@code token}, {@code apikey}, {@code authorization},
 *     {@code credential}, {@code privatekey}, {@code cookie}, and the key {@code pwd};</li>
 * <li>secrets by value: PEM private key blocks, JSON Web Tokens (JWS and JWE compact form,
 *     {@code eyJ...}), the token of {@code Bearer <token>} (16 or more token characters;
 *     the word {@code Bearer} stays), and inline {@code key=value} or {@code key: value}
 *     pairs in free text whose key contains one of the secret key fragments above (or
 *     {@code pwd}): in {@code "password=hunter2 and token=xyz"} both values become the marker
 *     and the keys stay; a value ends at white space, {@code &}, {@code ,} or {@code ;}, or
 *     is quoted, and {@code Authorization: Bearer xyz} loses its scheme and token;</li>
 * <li>e-mail addresses (ASCII: {@code local@domain.tld});</li>
 * <li>payment card numbers: runs of 13 to 19 digits, optionally grouped by single spaces or
 *     dashes, that pass the Luhn check (so most order numbers and other long numbers stay),
 *     plus the keys {@code cvv}, {@code cvc}, {@code cvv2}, {@code cvc2};</li>
 * <li>national ids: US Social Security numbers in the form {@code AAA-GG-SSSS} (area not
 *     000, 666 or 900–999, group not 00, serial not 0000; undashed nine-digit runs are too
 *     ambiguous and stay), UK National Insurance numbers ({@code AB 12 34 56 C}, with or
 *     without spaces, upper case, valid prefixes), and the keys {@code ssn},
 *     {@code socialsecuritynumber}, {@code nationalid}, {@code nino}.</li>
 * </ul>
 * Only strings are searched: a card number held as a JSON number is not recognised (store
 * it as a string, or name its key).
 *
 * <p>Patterns of your own: {@code java.util.regex} matches a repeated <em>group</em> such as
 * {@code (?:\w+\.)+} by recursion, so a long input can overflow the stack; repeat character
 * classes, or bound the group's repetition ({@code {0,8}}), as the default patterns do.
 *
 * <p>Immutable and safe for concurrent use.
 */
public final class Redactor implements AuditMiddleware {
    /** The default replacement of a masked value. */
    public static final String MARKER = "[REDACTED]";

    private static final Redactor DEFAULTS = builder().defaults().build();

    private final Set<String> keys;
    private final List<String> keyFragments;
    private final List<PatternRule> patterns;
    private final String marker;

    private Redactor(Builder builder) {
        this.keys = Set.copyOf(builder.keys);
        this.keyFragments = List.copyOf(builder.keyFragments);
        this.marker = builder.marker;
        List<PatternRule> rules = new ArrayList<>();
        for (Function<String, PatternRule> rule : builder.patterns) {
            rules.add(rule.apply(marker));
        }
        this.patterns = List.copyOf(rules);
    }

    /** A redactor with all the default rules listed {@linkplain Redactor above}. */
    public static Redactor defaults() {
        return DEFAULTS;
    }

    /** Starts a redactor with no rules. */
    public static Builder builder() {
        return new Builder();
    }

    /** The replacement of a masked value. */
    public String marker() {
        return marker;
    }

    @Override
    public AuditDraft apply(AuditDraft draft) {
        AuditDraft result = draft;
        Principal principal = draft.principal();
        Map<String, Object> metadata = redactMap(principal.metadata());
        if (metadata != principal.metadata()) {
            result = result.withPrincipal(principal.withMetadata(metadata));
        }
        Map<String, Object> context = redactMap(draft.context());
        if (context != draft.context()) {
            result = result.withContext(context);
        }
        return result;
    }

    /**
     * Whether a key rule matches {@code key}, so that its value is masked whole.
     *
     * @param key a map key
     * @return whether the value of that key is masked
     */
    public boolean isSensitiveKey(String key) {
        String normal = normalizeKey(key);
        if (keys.contains(normal)) {
            return true;
        }
        for (String fragment : keyFragments) {
            if (normal.contains(fragment)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Applies the pattern rules to one string.
     *
     * @param text the string
     * @return the string with every match rewritten; {@code text} itself when nothing matched
     */
    public String redactText(String text) {
        String result = text;
        for (PatternRule rule : patterns) {
            result = rule.apply(result);
        }
        return result;
    }

    /** Returns {@code map} itself when nothing in it changed. */
    private Map<String, Object> redactMap(Map<?, ?> map) {
        Map<String, Object> copy = null;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = (String) e.getKey();
            Object value = e.getValue();
            Object redacted = isSensitiveKey(key) ? masked(value) : redactValue(value);
            if (redacted != value) {
                if (copy == null) {
                    copy = new LinkedHashMap<>();
                    for (Map.Entry<?, ?> original : map.entrySet()) {
                        copy.put((String) original.getKey(), original.getValue());
                    }
                }
                copy.put(key, redacted);
            }
        }
        if (copy == null) {
            @SuppressWarnings("unchecked")
            Map<String, Object> same = (Map<String, Object>) map;
            return same;
        }
        return copy;
    }

    private Object masked(Object value) {
        return marker.equals(value) ? value : marker;
    }

    private Object redactValue(Object value) {
        if (value instanceof String s) {
            return redactText(s);
        }
        if (value instanceof Map<?, ?> map) {
            return redactMap(map);
        }
        if (value instanceof List<?> list) {
            return redactList(list);
        }
        return value;
    }

    private List<?> redactList(List<?> list) {
        List<Object> copy = null;
        for (int i = 0; i < list.size(); i++) {
            Object value = list.get(i);
            Object redacted = redactValue(value);
            if (redacted != value && copy == null) {
                copy = new ArrayList<>(list);
            }
            if (copy != null) {
                copy.set(i, redacted);
            }
        }
        return copy == null ? list : copy;
    }

    private static String normalizeKey(String key) {
        StringBuilder out = new StringBuilder(key.length());
        key.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** Builds a {@link Redactor}. Not thread-safe. */
    public static final class Builder {
        private static final String[] SECRET_KEY_FRAGMENTS = {"password", "passwd", "passphrase", "secret", "token",
            "apikey", "authorization", "credential", "privatekey", "cookie"};
        private static final Pattern PEM_PRIVATE_KEY = Pattern.compile(
                "-----BEGIN (?:[A-Z0-9]+ ){0,3}PRIVATE KEY-----[\\s\\S]*?(?:-----END (?:[A-Z0-9]+ ){0,3}PRIVATE KEY-----|\\z)");
        private static final Pattern JWT = Pattern.compile(
                "(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]++(?:\\.[A-Za-z0-9_-]*+){2,4}");
        private static final Pattern BEARER = Pattern.compile(
                "(?i)\\b(bearer\\s+)[A-Za-z0-9._~+/-]{16,}+=*+");
        private static final Pattern INLINE_SECRET = Pattern.compile(
                "(?i)(?<![A-Za-z0-9_.-])([A-Za-z0-9_.-]{0,40}(?:password|passwd|passphrase|secret|token|api[_.-]?key"
                        + "|authorization|credential|private[_.-]?key|cookie|pwd)[A-Za-z0-9_.-]{0,40}\\s{0,4}[=:]\\s{0,4})"
                        + "(?:\"[^\"\\r\\n]*+\"|'[^'\\r\\n]*+'|(?:(?:bearer|basic|digest)\\s++)?[^\\s\"'&,;]++)");
        private static final Pattern EMAIL = Pattern.compile(
                "(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]*[A-Za-z0-9-]\\.[A-Za-z]{2,}");
        private static final Pattern CARD_NUMBER = Pattern.compile(
                "(?<![0-9][ -]?|[0-9]\\.)[0-9](?:[ -]?[0-9]){12,18}(?![ -]?[0-9]|\\.[0-9])");
        private static final Pattern US_SSN = Pattern.compile(
                "(?<![0-9]|[0-9]-)(?!000|666|9[0-9]{2})[0-9]{3}-(?!00)[0-9]{2}-(?!0000)[0-9]{4}(?![0-9]|-[0-9])");
        private static final Pattern UK_NINO = Pattern.compile(
                "(?<![A-Za-z0-9])(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]"
                        + "(?: ?[0-9]{2}){3} ?[A-D](?![A-Za-z0-9])");

        private final Set<String> keys = new LinkedHashSet<>();
        private final Set<String> keyFragments = new LinkedHashSet<>();
        private final List<Function<String, PatternRule>> patterns = new ArrayList<>();
        private String marker = MARKER;

        private Builder() {
        }

        /**
         * Masks the values of keys equal to one of {@code names} (ignoring case and every
         * character that is not a letter or digit).
         *
         * @param names key names, e.g. {@code "ssn"}, {@code "date_of_birth"}
         * @return this builder
         * @throws IllegalArgumentException if a name has no letter or digit
         */
        public Builder key(String... names) {
            for (String name : names) {
                keys.add(normalized("key", name));
            }
            return this;
        }

        /**
         * Masks the values of keys that contain one of {@code fragments} (ignoring case and
         * every character that is not a letter or digit).
         *
         * @param fragments key fragments, e.g. {@code "password"} for {@code dbPassword}
         * @return this builder
         * @throws IllegalArgumentException if a fragment has no letter or digit
         */
        public Builder keyContaining(String... fragments) {
            for (String fragment : fragments) {
                keyFragments.add(normalized("key fragment", fragment));
            }
            return this;
        }

        /**
         * Replaces every match of {@code regex} in string values by the marker.
         *
         * @param regex a {@link Pattern} regular expression
         * @return this builder
         * @throws java.util.regex.PatternSyntaxException if the expression is malformed
         */
        public Builder pattern(String regex) {
            Pattern pattern = Pattern.compile(regex);
            patterns.add(mark -> PatternRule.literal(pattern, mark));
            return this;
        }

        /**
         * Replaces every match of {@code pattern} in string values by {@code replacement},
         * in the syntax of {@link Matcher#replaceAll(String)}: {@code $1} or {@code ${name}}
         * insert a group (e.g. keep the last four digits), {@code \$} is a dollar sign.
         *
         * @param pattern what to find
         * @param replacement the replacement template
         * @return this builder
         * @throws IllegalArgumentException if the template is malformed or names a group
         *         that {@code pattern} lacks
         */
        public Builder pattern(Pattern pattern, String replacement) {
            PatternRule rule = PatternRule.template(Objects.requireNonNull(pattern, "pattern"), replacement);
            patterns.add(mark -> rule);
            return this;
        }

        /**
         * Replaces by the marker those matches of {@code pattern} for which {@code condition}
         * holds (a check digit, a known prefix, ...); other matches stay.
         *
         * @param pattern what to find
         * @param condition tested on the matched text; must be safe for concurrent use
         * @return this builder
         */
        public Builder pattern(Pattern pattern, Predicate<String> condition) {
            Objects.requireNonNull(pattern, "pattern");
            Objects.requireNonNull(condition, "condition");
            patterns.add(mark -> PatternRule.literalWhen(pattern, condition, mark));
            return this;
        }

        /**
         * Sets what masked values become (default {@value Redactor#MARKER}).
         *
         * @param replacement a string
         * @return this builder
         * @throws IllegalArgumentException if it holds U+0000 or an unpaired surrogate
         */
        public Builder marker(String replacement) {
            if (replacement == null) {
                throw new IllegalArgumentException("redaction marker is required");
            }
            JsonValues.value("redaction marker", replacement);
            this.marker = replacement;
            return this;
        }

        /**
         * Adds the secret rules: keys, PEM private keys, JSON Web Tokens, bearer tokens, and
         * inline {@code key=value} secrets in free text.
         */
        public Builder secrets() {
            keyContaining(SECRET_KEY_FRAGMENTS);
            key("pwd");
            patterns.add(mark -> PatternRule.literal(PEM_PRIVATE_KEY, mark));
            patterns.add(mark -> PatternRule.literal(JWT, mark));
            patterns.add(mark -> new PatternRule(BEARER, match -> Matcher.quoteReplacement(match.group(1) + mark)));
            patterns.add(mark -> new PatternRule(INLINE_SECRET,
                    match -> Matcher.quoteReplacement(match.group(1) + mark)));
            return this;
        }

        /** Adds the e-mail address rule. */
        public Builder emailAddresses() {
            patterns.add(mark -> PatternRule.literal(EMAIL, mark));
            return this;
        }

        /** Adds the payment card rules: Luhn-checked card numbers and the card security code keys. */
        public Builder cardNumbers() {
            key("cvv", "cvc", "cvv2", "cvc2");
            patterns.add(mark -> PatternRule.literalWhen(CARD_NUMBER, text -> Luhn.isValid(text, 13, 19), mark));
            return this;
        }

        /** Adds the national id rules: US Social Security and UK National Insurance numbers and their keys. */
        public Builder nationalIds() {
            key("ssn", "socialsecuritynumber", "nationalid", "nino");
            patterns.add(mark -> PatternRule.literal(US_SSN, mark));
            patterns.add(mark -> PatternRule.literal(UK_NINO, mark));
            return this;
        }

        /** Adds all default rules: secrets, e-mail addresses, card numbers, national ids. */
        public Builder defaults() {
            return secrets().emailAddresses().cardNumbers().nationalIds();
        }

        /**
         * Returns the redactor.
         *
         * @return the redactor
         */
        public Redactor build() {
            return new Redactor(this);
        }

        private static String normalized(String what, String name) {
            if (name == null) {
                throw new IllegalArgumentException("redaction " + what + " is required");
            }
            String normal = normalizeKey(name);
            if (normal.isEmpty()) {
                throw new IllegalArgumentException("redaction " + what + " '" + name
                        + "' has no letter or digit; keys are compared on letters and digits only");
            }
            return normal;
        }
    }
}
