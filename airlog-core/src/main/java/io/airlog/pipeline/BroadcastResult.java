package io.airlog.pipeline;

import io.airlog.AuditEvent;
import io.airlog.RecordResult;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What {@link AuditStreamRegistry#broadcast} did in each stream: one entry per stream that was
 * registered when the broadcast began, in registration order, either in {@link #results()}
 * (stored, or dropped by that stream's own middleware) or in {@link #failures()} (the stream
 * threw). A failing stream never hides the others: every stream was tried.
 *
 * @param results the result of each stream that did not throw, by stream name
 * @param failures what each failing stream threw, by stream name
 */
public record BroadcastResult(Map<String, RecordResult> results, Map<String, RuntimeException> failures) {

    /** Copies the maps, keeping their order; a stream cannot be in both. */
    public BroadcastResult {
        results = Collections.unmodifiableMap(new LinkedHashMap<>(results));
        failures = Collections.unmodifiableMap(new LinkedHashMap<>(failures));
        for (String stream : failures.keySet()) {
            if (results.containsKey(stream)) {
                throw new IllegalArgumentException("stream '" + stream + "' has both a result and a failure");
            }
        }
    }

    /** The names of every stream the draft was sent to, results first, then failures. */
    public Set<String> streams() {
        Set<String> names = new LinkedHashSet<>(results.keySet());
        names.addAll(failures.keySet());
        return Collections.unmodifiableSet(names);
    }

    /** Whether every stream stored the event (none failed, none dropped it). */
    public boolean allStored() {
        return failures.isEmpty() && results.values().stream().allMatch(RecordResult::stored);
    }

    /**
     * The event as stored by one stream.
     *
     * @param stream a stream name
     * @return its sealed event, or empty when that stream dropped or failed or was not sent to
     */
    public java.util.Optional<AuditEvent> event(String stream) {
        RecordResult result = results.get(Objects.requireNonNull(stream, "stream"));
        return result == null ? java.util.Optional.empty() : result.storedEvent();
    }
}
