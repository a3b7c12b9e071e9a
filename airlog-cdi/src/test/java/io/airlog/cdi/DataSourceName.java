package io.airlog.cdi;

import jakarta.inject.Qualifier;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A data-source qualifier with the name in {@code value()}, shaped like Quarkus'
 * {@code @io.quarkus.agroal.DataSource("name")}: airlog finds such beans by the name alone.
 */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE})
public @interface DataSourceName {
    String value();
}
