package io.airlog.cdi;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Records one audit event for every call of the annotated business method, or of every
 * business method of the annotated bean class (and, since the annotation is
 * {@link Inherited}, of its subclasses).
 *
 * <p>The event's outcome is {@link io.airlog.Outcome#SUCCESS} when the method returns,
 * {@link io.airlog.Outcome#DENIED} when it throws a security exception and
 * {@link io.airlog.Outcome#FAILURE} when it throws anything else; the exception is always
 * rethrown as the same object (with {@code airlog.on-write-failure=fail}, a failure to record
 * its event is attached to it as a suppressed exception). Nothing from the method's arguments enters the event unless a
 * parameter is annotated with {@link AuditResourceId}, {@link AuditField} or
 * {@link AuditRedact}. A method-level annotation replaces the class-level one;
 * {@link AuditIgnore} on a method leaves that method out.
 *
 * <p>Calls that CDI does not intercept are not audited: calls of a bean method from within
 * the same bean ({@code this.other()}), private, static and final methods, and objects
 * created with {@code new}. See {@code docs/cdi.md}.
 */
@InterceptorBinding
@Inherited
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface AuditLog {

    /** The event's action; empty (the default) means the method name. */
    @Nonbinding
    String action() default "";

    /** The event's resource type; empty (the default) means the simple name of the bean class. */
    @Nonbinding
    String resource() default "";

    /**
     * The name of the stream the event is recorded to; empty (the default) means the default
     * stream. A named stream must be declared by {@code airlog.streams.<name>.backend}.
     */
    @Nonbinding
    String stream() default "";

    /** An instance of {@code @AuditLog} with the default values, for programmatic lookups. */
    final class Literal extends AnnotationLiteral<AuditLog> implements AuditLog {
        private static final long serialVersionUID = 1L;

        /** The instance. */
        public static final Literal INSTANCE = new Literal();

        private Literal() {
        }

        @Override
        public String action() {
            return "";
        }

        @Override
        public String resource() {
            return "";
        }

        @Override
        public String stream() {
            return "";
        }
    }
}
