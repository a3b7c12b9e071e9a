package io.airlog.cdi.internal;

import io.airlog.AuditDraft;
import io.airlog.AuditEvent;
import io.airlog.AuditLogReader;
import io.airlog.AuditQuery;
import io.airlog.AuditStream;
import io.airlog.Capability;
import io.airlog.ChainPosition;
import io.airlog.RecordResult;
import io.airlog.StreamHealth;
import io.airlog.pipeline.AuditPipeline;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;

/**
 * The {@code AuditStream} the application gets for a configured stream: records through the
 * stream's {@link AuditPipeline} (middleware, redaction, fan-out), and reads, when its backend
 * is an {@link AuditLogReader}, from that backend's log (see {@link Readable}).
 */
class ConfiguredStream implements AuditStream {
    private final AuditPipeline pipeline;

    ConfiguredStream(AuditPipeline pipeline) {
        this.pipeline = pipeline;
    }

    /** The stream of {@code pipeline}, a reader of {@code backend}'s log when the backend is one. */
    static ConfiguredStream of(AuditPipeline pipeline, AuditStream backend) {
        return backend instanceof AuditLogReader reader ? new Readable(pipeline, reader) : new ConfiguredStream(pipeline);
    }

    @Override
    public String name() {
        return pipeline.name();
    }

    @Override
    public AuditEvent record(AuditDraft draft) {
        return pipeline.record(draft);
    }

    @Override
    public CompletionStage<AuditEvent> recordAsync(AuditDraft draft) {
        return pipeline.recordAsync(draft);
    }

    @Override
    public RecordResult submit(AuditDraft draft) {
        return pipeline.submit(draft);
    }

    @Override
    public CompletionStage<RecordResult> submitAsync(AuditDraft draft) {
        return pipeline.submitAsync(draft);
    }

    @Override
    public Set<Capability> capabilities() {
        return pipeline.capabilities();
    }

    @Override
    public StreamHealth health() {
        return pipeline.health();
    }

    /** The pipeline the stream records through. */
    AuditPipeline pipeline() {
        return pipeline;
    }

    /** Stops accepting drafts; the backends are closed by {@link AuditStreams}. */
    @Override
    public void close() {
        pipeline.close();
    }

    /**
     * A configured stream whose backend can be read: {@link #find}, {@link #replay} and
     * {@link #head} read the backend's own log, which holds the events recorded to this
     * stream (and copies fanned out to it from other streams), not the copies this stream
     * fanned out elsewhere.
     */
    static final class Readable extends ConfiguredStream implements AuditLogReader {
        private final AuditLogReader reader;

        Readable(AuditPipeline pipeline, AuditLogReader reader) {
            super(pipeline);
            this.reader = reader;
        }

        @Override
        public String logId() {
            return reader.logId();
        }

        @Override
        public ChainPosition head() {
            return reader.head();
        }

        @Override
        public List<AuditEvent> find(AuditQuery query) {
            return reader.find(query);
        }

        @Override
        public Stream<AuditEvent> replay(long fromSequence, long toSequence) {
            return reader.replay(fromSequence, toSequence);
        }

        @Override
        public Set<Capability> capabilities() {
            Set<Capability> capabilities = EnumSet.of(Capability.QUERY);
            capabilities.addAll(super.capabilities());
            return capabilities;
        }
    }
}
