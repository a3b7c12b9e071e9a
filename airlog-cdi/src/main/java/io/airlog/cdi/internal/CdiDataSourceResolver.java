package io.airlog.cdi.internal;

import io.airlog.cdi.spi.DataSourceResolver;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Named;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * A CDI bean of type {@link DataSource}: without a name the {@code @Default} one; with a name
 * the one qualified {@code @Named(name)} or by any qualifier whose {@code value()} member is
 * the name (Quarkus: {@code @io.quarkus.agroal.DataSource("name")}), found without depending
 * on that qualifier's class.
 */
final class CdiDataSourceResolver implements DataSourceResolver {
    private final BeanManager beanManager;

    CdiDataSourceResolver(BeanManager beanManager) {
        this.beanManager = beanManager;
    }

    @Override
    public Optional<DataSource> resolve(Optional<String> name) {
        Set<Bean<?>> candidates = name.isEmpty() ? beanManager.getBeans(DataSource.class)
                : named(name.get());
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        Bean<?> bean;
        try {
            bean = beanManager.resolve(candidates);
        } catch (RuntimeException e) {
            throw new IllegalStateException("several DataSource beans match " + name.map(n -> "'" + n + "'")
                    .orElse("the default qualifier") + ": " + candidates, e);
        }
        return Optional.of((DataSource) beanManager.getReference(bean, DataSource.class,
                beanManager.createCreationalContext(bean)));
    }

    private Set<Bean<?>> named(String name) {
        Set<Bean<?>> out = new HashSet<>();
        for (Bean<?> bean : beanManager.getBeans(DataSource.class, Any.Literal.INSTANCE)) {
            for (Annotation qualifier : bean.getQualifiers()) {
                if (name.equals(valueOf(qualifier))) {
                    out.add(bean);
                }
            }
        }
        return out;
    }

    private static Object valueOf(Annotation qualifier) {
        if (qualifier instanceof Named named) {
            return named.value();
        }
        try {
            Method value = qualifier.annotationType().getMethod("value");
            return value.getReturnType() == String.class ? value.invoke(qualifier) : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "CDI bean lookup";
    }
}
