package io.airlog.cdi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Copies a parameter of an {@link AuditLog audited} method, or one property of it, into the
 * event's context.
 *
 * <pre>{@code
 * @AuditLog
 * public void transfer(@AuditField("amount") BigDecimal amount,
 *                      @AuditField(value = "to", property = "iban") Account target) { ... }
 * }</pre>
 *
 * <p>Values are converted to JSON values: strings, booleans and numbers as they are, enums by
 * name, collections, arrays and maps element by element, {@code byte[]} as Base64, and any
 * other object by its {@code toString()}. The value is read before the method runs.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface AuditField {

    /**
     * The context key; empty (the default) means the parameter name, which needs the
     * application to be compiled with {@code -parameters}.
     */
    String value() default "";

    /**
     * A property of the argument to copy instead of the argument itself (see
     * {@link AuditResourceId#property()}); empty (the default) means the argument itself.
     */
    String property() default "";
}
