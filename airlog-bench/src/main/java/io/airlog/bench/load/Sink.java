package io.airlog.bench.load;

import io.airlog.AuditDraft;
import java.util.concurrent.CompletionStage;

/**
 * Where a scenario's callers put their events: one way of storing audit rows.
 * Implementations are safe for concurrent use by the scenario's callers.
 */
public interface Sink extends AutoCloseable {

    /**
     * Stores one event for caller {@code caller} (0 to callers - 1).
     *
     * @return null when the event is committed on return (a synchronous sink), or a stage
     *         completed once it is committed (an asynchronous sink)
     * @throws Exception if the event could not be stored
     */
    CompletionStage<?> store(int caller, AuditDraft draft) throws Exception;

    /** Stores everything handed over, then releases connections and threads (nothing by default). */
    @Override
    default void close() throws Exception {
    }
}
