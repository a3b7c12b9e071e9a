package io.airlog.internal;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces the matches of a pattern in a string. For each match, a function gives the
 * replacement in the syntax of {@link Matcher#appendReplacement} (so {@code $1} refers to
 * a group); a literal replacement goes through {@link Matcher#quoteReplacement}.
 *
 * @param pattern what to look for
 * @param replacement the replacement template of one match
 */
public record PatternRule(Pattern pattern, Function<MatchResult, String> replacement) {

    /** Checks presence. */
    public PatternRule {
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(replacement, "replacement");
    }

    /** Every match becomes {@code literal}. */
    public static PatternRule literal(Pattern pattern, String literal) {
        String quoted = Matcher.quoteReplacement(literal);
        return new PatternRule(pattern, match -> quoted);
    }

    /** Every match becomes {@code template}, in which {@code $n} and {@code ${name}} refer to groups. */
    public static PatternRule template(Pattern pattern, String template) {
        Objects.requireNonNull(template, "replacement");
        checkTemplate(pattern, template);
        return new PatternRule(pattern, match -> template);
    }

    /** A match for which {@code condition} holds becomes {@code literal}; other matches stay. */
    public static PatternRule literalWhen(Pattern pattern, Predicate<String> condition,
                                          String literal) {
        String quoted = Matcher.quoteReplacement(literal);
        return new PatternRule(pattern,
                match -> condition.test(match.group()) ? quoted : Matcher.quoteReplacement(match.group()));
    }

    /**
     * Applies the rule.
     *
     * @param value the string
     * @return {@code value} itself when nothing changed, else the changed string
     */
    public String apply(String value) {
        Matcher matcher = pattern.matcher(value);
        if (!matcher.find()) {
            return value;
        }
        String result = matcher.replaceAll(replacement);
        return result.equals(value) ? value : result;
    }

    /**
     * Fails now, not per event, when the template is malformed or refers to a group the
     * pattern lacks: the template is applied once to an empty match of a pattern with the
     * same groups ({@code (?:pattern\n)|}; the newline ends a trailing comment in
     * {@link Pattern#COMMENTS} mode).
     */
    private static void checkTemplate(Pattern pattern, String template) {
        boolean literal = (pattern.flags() & Pattern.LITERAL) != 0;
        String source = literal ? Pattern.quote(pattern.pattern()) : pattern.pattern();
        Matcher probe = Pattern.compile("(?:" + source + "\n)|", pattern.flags() & ~Pattern.LITERAL).matcher("");
        probe.find();
        try {
            probe.appendReplacement(new StringBuilder(), template);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("replacement '" + template + "' does not fit pattern '"
                    + pattern.pattern() + "': " + e.getMessage(), e);
        }
    }
}
