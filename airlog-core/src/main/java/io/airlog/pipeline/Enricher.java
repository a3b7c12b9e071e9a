package io.airlog.pipeline;

import io.airlog.AuditDraft;
import io.airlog.AuditLimits;
import io.airlog.internal.JsonValues;
import io.airlog.internal.Text;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Middleware that adds entries to the context of every draft: fixed values, checked when the
 * enricher is built, and values from suppliers, asked anew for every event.
 *
 * <p>By default the caller's values win: an entry is added only when the draft's context
 * lacks its key (metadata from the ambient {@link io.airlog.AuditContext} counts as the
 * caller's), and a supplier is not called for a draft that already has its key. With
 * {@link Builder#overridingCallerValues()} the enricher's values replace the caller's
 * instead, for facts the caller must not be able to set (say, the tenant of the request).
 *
 * <p>Immutable and safe for concurrent use when the suppliers are.
 */
public final class Enricher implements AuditMiddleware {
    private final Map<String, Object> values;
    private final Map<String, Supplier<?>> suppliers;
    private final boolean overriding;

    private Enricher(Builder builder) {
        this.values = JsonValues.object("enrichment", builder.values, AuditLimits.CONTEXT);
        this.suppliers = Map.copyOf(builder.suppliers);
        this.overriding = builder.overriding;
    }

    /** Starts an enricher. */
    public static Builder builder() {
        return new Builder();
    }

    /** Whether this enricher's values replace values the caller set. */
    public boolean overridesCallerValues() {
        return overriding;
    }

    @Override
    public AuditDraft apply(AuditDraft draft) {
        Map<String, Object> caller = draft.context();
        Map<String, Object> merged = new LinkedHashMap<>();
        if (!overriding) {
            merged.putAll(caller);
        }
        values.forEach((key, value) -> {
            if (overriding || !caller.containsKey(key)) {
                merged.put(key, value);
            }
        });
        suppliers.forEach((key, supplier) -> {
            if (overriding || !caller.containsKey(key)) {
                merged.put(key, supplier.get());
            }
        });
        if (overriding) {
            caller.forEach(merged::putIfAbsent);
        }
        return merged.equals(caller) ? draft : draft.withContext(merged);
    }

    /** Builds an {@link Enricher}. Not thread-safe. */
    public static final class Builder {
        private final Map<String, Object> values = new LinkedHashMap<>();
        private final Map<String, Supplier<?>> suppliers = new LinkedHashMap<>();
        private boolean overriding;

        private Builder() {
        }

        /**
         * Adds a fixed entry.
         *
         * @param key the context key
         * @param value a JSON value (checked by {@link #build()})
         * @return this builder
         */
        public Builder value(String key, Object value) {
            checkKey(key);
            suppliers.remove(key);
            values.put(key, value);
            return this;
        }

        /**
         * Adds fixed entries.
         *
         * @param entries JSON values (checked by {@link #build()})
         * @return this builder
         */
        public Builder values(Map<String, ?> entries) {
            Objects.requireNonNull(entries, "entries");
            entries.forEach(this::value);
            return this;
        }

        /**
         * Adds an entry whose value {@code supplier} gives for each event. A value that is not
         * JSON fails that event's {@code record} call.
         *
         * @param key the context key
         * @param supplier the source of the value; must be safe for concurrent use
         * @return this builder
         */
        public Builder supplied(String key, Supplier<?> supplier) {
            checkKey(key);
            Objects.requireNonNull(supplier, "supplier for context key '" + key + "'");
            values.remove(key);
            suppliers.put(key, supplier);
            return this;
        }

        /**
         * Makes the enricher's values replace values the caller set (by default the caller's
         * win).
         *
         * @return this builder
         */
        public Builder overridingCallerValues() {
            this.overriding = true;
            return this;
        }

        /**
         * Checks the fixed values and returns the enricher.
         *
         * @return the enricher
         * @throws IllegalArgumentException naming the entry when a fixed value is not JSON
         */
        public Enricher build() {
            return new Enricher(this);
        }

        private static void checkKey(String key) {
            if (key == null) {
                throw new IllegalArgumentException("enrichment key is required");
            }
            Text.checkedUtf8Length("enrichment key", key);
        }
    }
}
