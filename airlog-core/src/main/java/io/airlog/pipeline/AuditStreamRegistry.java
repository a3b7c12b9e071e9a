package io.airlog.pipeline;

import io.airlog.AuditDraft;
import io.airlog.AuditStream;
import io.airlog.RecordResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Named audit streams for plain Java (the CDI module builds the same from configuration).
 * Each stream is registered under its {@linkplain AuditStream#name() name}, or a name given.
 *
 * <p>The registry owns the streams registered in it: {@link #close()} closes them all, and
 * an {@link AuditPipeline} built on the registry closes none of them.
 * {@link #deregister(String, boolean)} hands a stream back, closing it or not.
 *
 * <p>Safe for concurrent use. Registration, deregistration and look-ups are serialised on
 * the registry; {@link #broadcast} takes a snapshot of the registered streams and records
 * outside that lock, so a slow stream never blocks registration. A stream deregistered (and
 * closed) while a broadcast is running may still receive that broadcast's draft: it then
 * fails for that stream alone, and the result says so.
 */
public final class AuditStreamRegistry implements AutoCloseable {
    private final Map<String, AuditStream> streams = new LinkedHashMap<>();
    private boolean closed;

    /** An empty registry. */
    public AuditStreamRegistry() {
    }

    /**
     * Registers {@code stream} under its name.
     *
     * @param stream the stream; the registry closes it on {@link #close()}
     * @return this registry
     * @throws IllegalArgumentException if a stream of that name is registered already
     * @throws IllegalStateException if the registry is closed
     */
    public AuditStreamRegistry register(AuditStream stream) {
        Objects.requireNonNull(stream, "stream");
        return register(Objects.requireNonNull(stream.name(), "stream name"), stream);
    }

    /**
     * Registers {@code stream} under {@code name}, which may differ from the stream's own name
     * (a JSON-lines stream is named after its log, for instance, and a host registers it under
     * the name of the configured stream).
     *
     * @param name the name pipelines and {@link #get} use
     * @param stream the stream; the registry closes it on {@link #close()}
     * @return this registry
     * @throws IllegalArgumentException if a stream of that name is registered already
     * @throws IllegalStateException if the registry is closed
     */
    public synchronized AuditStreamRegistry register(String name, AuditStream stream) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(stream, "stream");
        if (closed) {
            throw new IllegalStateException("audit stream registry is closed; cannot register '" + name + "'");
        }
        if (streams.containsKey(name)) {
            throw new IllegalArgumentException("an audit stream named '" + name + "' is registered already");
        }
        streams.put(name, stream);
        return this;
    }

    /**
     * The stream of that name.
     *
     * @param name a stream name
     * @return the stream
     * @throws IllegalArgumentException naming the stream and the registered names when none
     *         has that name
     */
    public synchronized AuditStream get(String name) {
        AuditStream stream = streams.get(name);
        if (stream == null) {
            throw new IllegalArgumentException("no audit stream named '" + name + "' is registered (registered: "
                    + String.join(", ", streams.keySet()) + ")");
        }
        return stream;
    }

    /**
     * The stream of that name, if registered.
     *
     * @param name a stream name
     * @return the stream, or empty
     */
    public synchronized Optional<AuditStream> find(String name) {
        return Optional.ofNullable(streams.get(name));
    }

    /** The registered names, in registration order. */
    public synchronized Set<String> names() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(streams.keySet()));
    }

    /**
     * Removes the stream of that name. Pipelines built earlier keep the stream they resolved;
     * if it was closed, their records to it fail.
     *
     * @param name a stream name
     * @param close whether to close the stream now; otherwise the caller owns it from now on
     * @return the removed stream, or empty when none had that name
     * @throws RuntimeException what the stream's {@code close()} threw (it is deregistered
     *         all the same)
     */
    public Optional<AuditStream> deregister(String name, boolean close) {
        AuditStream removed;
        synchronized (this) {
            removed = streams.remove(name);
        }
        if (removed != null && close) {
            removed.close();
        }
        return Optional.ofNullable(removed);
    }

    /**
     * Records one draft in every registered stream (each seals it in its own log, so the
     * copies share the event id), in registration order, and returns what each stream did.
     * Every stream is tried even when one fails.
     *
     * @param draft the draft
     * @return one entry per stream registered when the broadcast began
     * @throws IllegalStateException if the registry is closed
     */
    public BroadcastResult broadcast(AuditDraft draft) {
        Objects.requireNonNull(draft, "draft");
        Map<String, AuditStream> snapshot;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("audit stream registry is closed; cannot broadcast event "
                        + draft.eventId());
            }
            snapshot = new LinkedHashMap<>(streams);
        }
        Map<String, RecordResult> results = new LinkedHashMap<>();
        Map<String, RuntimeException> failures = new LinkedHashMap<>();
        snapshot.forEach((name, stream) -> {
            try {
                results.put(name, stream.submit(draft));
            } catch (RuntimeException e) {
                failures.put(name, e);
            }
        });
        return new BroadcastResult(results, failures);
    }

    /**
     * Closes every registered stream, the last registered first, and then refuses new
     * registrations. Every stream is closed even when one fails; the first failure is thrown
     * with the others {@linkplain Throwable#getSuppressed() suppressed}. Closing twice is
     * harmless.
     */
    @Override
    public void close() {
        List<AuditStream> toClose;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            toClose = new ArrayList<>(streams.values());
        }
        RuntimeException failure = null;
        for (int i = toClose.size() - 1; i >= 0; i--) {
            try {
                toClose.get(i).close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
