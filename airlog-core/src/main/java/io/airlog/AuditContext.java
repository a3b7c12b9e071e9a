package io.airlog;

import io.airlog.internal.JsonValues;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;

/**
 * The ambient audit context of the current thread: correlation id, principal and metadata
 * that {@link AuditDraft.Builder#build()} uses when the caller leaves them out.
 *
 * <p>Scopes nest: {@link #scope()} starts from the current values, and closing a scope
 * restores the values that were current when it was opened.
 * <pre>{@code
 * try (AuditContext.Scope s = AuditContext.scope().correlationId(requestId).principal(user).open()) {
 *     service.transfer(...);           // events recorded here carry requestId and user
 * }
 * }</pre>
 * Context does not cross threads by itself: wrap tasks with {@link #wrap(Runnable)} or an
 * executor with {@link #wrap(Executor)} to carry the context of the submitting thread.
 */
public final class AuditContext {
    private static final ThreadLocal<Snapshot> CURRENT = new ThreadLocal<>();

    private AuditContext() {
    }

    /**
     * An immutable copy of a context.
     *
     * @param correlationId nullable
     * @param principal nullable
     * @param metadata immutable, JSON values; merged into each event's context
     */
    public record Snapshot(String correlationId, Principal principal, Map<String, Object> metadata) {
        /** The empty context. */
        public static final Snapshot EMPTY = new Snapshot(null, null, Map.of());

        /** Validates and copies metadata. */
        public Snapshot {
            metadata = JsonValues.object("context metadata", metadata, AuditLimits.CONTEXT);
        }
    }

    /** The context of the calling thread ({@link Snapshot#EMPTY} when none is open). */
    public static Snapshot current() {
        Snapshot s = CURRENT.get();
        return s == null ? Snapshot.EMPTY : s;
    }

    /** Starts a nested scope from the current values. */
    public static ScopeBuilder scope() {
        return new ScopeBuilder(current());
    }

    /** Makes {@code snapshot} current until the returned scope is closed. */
    public static Scope restore(Snapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        Snapshot previous = CURRENT.get();
        CURRENT.set(snapshot);
        return new Scope(snapshot, previous);
    }

    /** A task that runs with the context of the thread that wraps it. */
    public static Runnable wrap(Runnable task) {
        Snapshot captured = current();
        return () -> {
            try (Scope ignored = restore(captured)) {
                task.run();
            }
        };
    }

    /** A task that runs with the context of the thread that wraps it. */
    public static <T> Callable<T> wrap(Callable<T> task) {
        Snapshot captured = current();
        return () -> {
            try (Scope ignored = restore(captured)) {
                return task.call();
            }
        };
    }

    /** An executor whose tasks run with the context of the thread that submits them. */
    public static Executor wrap(Executor executor) {
        Objects.requireNonNull(executor, "executor");
        return task -> executor.execute(wrap(task));
    }

    /** Builds a nested scope. */
    public static final class ScopeBuilder {
        private String correlationId;
        private Principal principal;
        private final Map<String, Object> metadata;

        private ScopeBuilder(Snapshot base) {
            this.correlationId = base.correlationId();
            this.principal = base.principal();
            this.metadata = new LinkedHashMap<>(base.metadata());
        }

        /** Sets the correlation id. */
        public ScopeBuilder correlationId(String id) {
            this.correlationId = id;
            return this;
        }

        /** Sets the principal. */
        public ScopeBuilder principal(Principal who) {
            this.principal = who;
            return this;
        }

        /** Adds a metadata entry (a JSON value), copied into the context of every event. */
        public ScopeBuilder put(String key, Object value) {
            metadata.put(key, value);
            return this;
        }

        /** Makes the scope current on this thread until the returned scope is closed. */
        public Scope open() {
            return restore(new Snapshot(correlationId, principal, metadata));
        }
    }

    /** An open scope; closing it restores the enclosing context. Close it on the thread that opened it. */
    public static final class Scope implements AutoCloseable {
        private final Snapshot snapshot;
        private final Snapshot previous;
        private boolean closed;

        private Scope(Snapshot snapshot, Snapshot previous) {
            this.snapshot = snapshot;
            this.previous = previous;
        }

        /** The values of this scope. */
        public Snapshot snapshot() {
            return snapshot;
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (CURRENT.get() != snapshot) {
                throw new IllegalStateException("audit context scopes closed out of order");
            }
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }
}
