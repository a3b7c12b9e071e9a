package io.airlog.cdi;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.enterprise.util.Nonbinding;
import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Objects;

/**
 * Selects a named audit stream for injection; the stream is built from
 * {@code airlog.streams.<name>.*} configuration.
 *
 * <pre>{@code
 * @Inject @AuditStreamName("security") AuditStream security;
 * }</pre>
 *
 * A plain {@code @Inject AuditStream} gets the default stream (configured by {@code airlog.*}).
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE})
public @interface AuditStreamName {

    /** The stream name: lower-case letters, digits and dashes, declared in configuration. */
    @Nonbinding
    String value();

    /** An instance of {@code @AuditStreamName}, for programmatic lookups. */
    final class Literal extends AnnotationLiteral<AuditStreamName> implements AuditStreamName {
        private static final long serialVersionUID = 1L;

        private final String value;

        private Literal(String value) {
            this.value = value;
        }

        /** The qualifier for stream {@code name}. */
        public static Literal of(String name) {
            return new Literal(Objects.requireNonNull(name, "name"));
        }

        @Override
        public String value() {
            return value;
        }
    }
}
