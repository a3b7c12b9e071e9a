package io.airlog.pipeline;

import io.airlog.AuditDraft;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * One step of an {@link AuditPipeline}: takes a draft and returns the draft to pass on, a
 * changed copy (drafts are immutable; see the {@code AuditDraft.with...} methods), or
 * {@code null} to drop the event.
 *
 * <p>Middleware works on drafts, before any sequence or checksum exists, so a changed draft
 * needs no re-signing: the destination stream seals what the last middleware returned, and
 * that sealed event is what {@link AuditPipeline#record} returns to the caller. A draft
 * returned by middleware has passed the same validation as any other draft.
 *
 * <p>A pipeline calls its middleware from many threads at once: implementations must be
 * safe for concurrent use. An exception thrown by middleware fails the
 * {@code record} call with an {@link io.airlog.AuditException}; nothing is recorded.
 */
@FunctionalInterface
public interface AuditMiddleware {

    /**
     * Processes one draft.
     *
     * @param draft the draft, never null
     * @return the draft to pass on (the same or a changed copy), or {@code null} to drop the
     *         event: then nothing is recorded and no sequence is used
     */
    AuditDraft apply(AuditDraft draft);

    /**
     * This middleware, then {@code next} on its result; a draft dropped by this middleware
     * does not reach {@code next}.
     *
     * @param next the middleware to run afterwards
     * @return the composition
     */
    default AuditMiddleware andThen(AuditMiddleware next) {
        Objects.requireNonNull(next, "next");
        return draft -> {
            AuditDraft result = apply(draft);
            return result == null ? null : next.apply(result);
        };
    }

    /**
     * Enrichment with fixed context entries. Values the caller set win: an entry is added only
     * when the draft's context does not have its key (ambient {@link io.airlog.AuditContext}
     * metadata counts as set by the caller). Use {@link Enricher#builder()} for entries that
     * replace the caller's.
     *
     * @param entries JSON values, checked now (an {@link IllegalArgumentException} names a bad
     *                entry)
     * @return the enricher
     */
    static Enricher enrich(Map<String, ?> entries) {
        return Enricher.builder().values(entries).build();
    }

    /**
     * Enrichment with one entry whose value {@code supplier} gives anew for every event
     * (host name, application version, tenant, ...). Values the caller set win, and the
     * supplier is not called for a draft that already has the key. A {@code null} from the
     * supplier is recorded as JSON null.
     *
     * @param key the context key
     * @param supplier gives a JSON value; must be safe for concurrent use
     * @return the enricher
     */
    static Enricher enrich(String key, Supplier<?> supplier) {
        return Enricher.builder().supplied(key, supplier).build();
    }

    /**
     * A drop filter: drafts that match {@code condition} are dropped (nothing recorded, no
     * sequence used); the others pass unchanged.
     *
     * @param condition which drafts to drop; must be safe for concurrent use
     * @return the filter
     */
    static AuditMiddleware dropIf(Predicate<? super AuditDraft> condition) {
        Objects.requireNonNull(condition, "condition");
        return draft -> condition.test(draft) ? null : draft;
    }
}
