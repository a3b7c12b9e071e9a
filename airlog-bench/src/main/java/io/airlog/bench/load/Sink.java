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

    /**
     * The number of events stored durably so far, for a sink whose calls return before their
     * events are stored and which hands out no stage per event (a buffering logger); the runner
     * then counts the difference over the window. -1 (the default): the runner counts returned
     * calls and completed stages instead.
     */
    default long durableCount() throws Exception {
        return -1;
    }

    /** Stores everything handed over, then releases connections and threads (nothing by default). */
    @Override
    default void close() throws Exception {
    }
}
