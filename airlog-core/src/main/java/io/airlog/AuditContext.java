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
    private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

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
        Scope top = CURRENT.get();
        return top == null ? Snapshot.EMPTY : top.snapshot;
    }

    /** Starts a nested scope from the current values. */
    public static ScopeBuilder scope() {
        return new ScopeBuilder(current());
    }

    /** Makes {@code snapshot} current until the returned scope is closed. */
    public static Scope restore(Snapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        Scope scope = new Scope(snapshot, CURRENT.get(), Thread.currentThread());
        CURRENT.set(scope);
        return scope;
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

    /**
     * An open scope; closing it restores the enclosing context. Close it on the thread that
     * opened it, innermost scope first (try-with-resources does both).
     */
    public static final class Scope implements AutoCloseable {
        private final Snapshot snapshot;
        private final Scope enclosing;
        private final Thread owner;
        private boolean closed;

        private Scope(Snapshot snapshot, Scope enclosing, Thread owner) {
            this.snapshot = snapshot;
            this.enclosing = enclosing;
            this.owner = owner;
        }

        /** The values of this scope. */
        public Snapshot snapshot() {
            return snapshot;
        }

        /**
         * Restores the context that was current when this scope was opened.
         *
         * @throws IllegalStateException when called on another thread (nothing changes; close
         *         it on its own thread), or when a scope opened inside this one is still open:
         *         the context is restored all the same, closing the inner scopes with it, so
         *         that a forgotten scope cannot leak into later work on this thread
         */
        @Override
        public void close() {
            if (closed) {
                return;
            }
            if (Thread.currentThread() != owner) {
                throw new IllegalStateException("audit context scope opened on thread '" + owner.getName()
                        + "' cannot be closed on thread '" + Thread.currentThread().getName() + "'");
            }
            closed = true;
            Scope top = CURRENT.get();
            boolean open = false;
            for (Scope s = top; s != null; s = s.enclosing) {
                if (s == this) {
                    open = true;
                    break;
                }
            }
            if (open) {
                if (enclosing == null) {
                    CURRENT.remove();
                } else {
                    CURRENT.set(enclosing);
                }
            }
            if (top != this) {
                throw new IllegalStateException("audit context scopes closed out of order: "
                        + (open ? "a scope opened inside this one was still open and has been closed with it"
                                : "this scope was already closed with an enclosing scope"));
            }
        }
    }
}
