package io.airlog.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlog.AuditDraft;
import io.airlog.AuditEvent;
import io.airlog.AuditException;
import io.airlog.Capability;
import io.airlog.ChainPosition;
import io.airlog.encoding.EventJson;
import io.airlog.stream.JsonLinesVerifier;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmittingAuditStreamTest {
    @TempDir
    Path dir;

    /** Emits JSON lines to a file it appends to, and can be made to refuse the next event. */
    private static final class LineEmitter extends EmittingAuditStream {
        private final Writer out;
        private boolean refuseNext;

        LineEmitter(Path output, ChainStateFile state, List<ChainListener> listeners) throws IOException {
            super("lines", state, listeners);
            this.out = Files.newBufferedWriter(output, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }

        @Override
        protected void emit(AuditEvent event) throws IOException {
            if (refuseNext) {
                refuseNext = false;
                throw new IOException("appender refused the event");
            }
            out.write(EventJson.toJson(event));
            out.write('\n');
            out.flush();
        }

        @Override
        protected void closeEmitter() {
            try {
                out.close();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public Set<Capability> capabilities() {
            return Set.of();
        }
    }

    private LineEmitter open(String state, List<ChainListener> listeners) throws IOException {
        return new LineEmitter(dir.resolve("out.jsonl"), ChainStateFile.open(dir.resolve(state), "app", false),
                listeners);
    }

    @Test
    void theChainContinuesAcrossRestartsAndTheOutputVerifies() throws Exception {
        for (int run = 0; run < 3; run++) {
            try (LineEmitter stream = open("app.state", List.of())) {
                stream.record(AuditDraft.builder("run-" + run));
                stream.record(AuditDraft.builder("run-" + run));
            }
        }

        assertThat(JsonLinesVerifier.verify(dir.resolve("out.jsonl"), "app").damages()).isEmpty();
        assertThat(JsonLinesVerifier.verify(dir.resolve("out.jsonl"), "app").end().size()).isEqualTo(6);
    }

    @Test
    void anEventThatCouldNotBeEmittedUsesNoSequenceNowOrAfterARestart() throws Exception {
        try (LineEmitter stream = open("refused.state", List.of())) {
            stream.record(AuditDraft.builder("stored"));
            stream.refuseNext = true;
            assertThatThrownBy(() -> stream.record(AuditDraft.builder("refused")))
                    .isInstanceOf(AuditException.class).hasMessageContaining("appender refused the event");
        }
        try (LineEmitter stream = open("refused.state", List.of())) {
            assertThat(stream.record(AuditDraft.builder("after restart")).sequence()).isEqualTo(2);
        }

        assertThat(JsonLinesVerifier.verify(dir.resolve("out.jsonl"), "app").intact()).isTrue();
    }

    @Test
    void listenersSeeEveryAppendedEventInOrderAndTheHeadAtClose() throws Exception {
        List<Long> appended = new ArrayList<>();
        List<ChainPosition> closedAt = new ArrayList<>();
        ChainListener listener = new ChainListener() {
            @Override
            public void appended(AuditEvent event) {
                appended.add(event.sequence());
            }

            @Override
            public void closed(ChainPosition head) {
                closedAt.add(head);
            }
        };
        AuditEvent last;
        try (LineEmitter stream = open("listened.state", List.of(listener))) {
            stream.record(AuditDraft.builder("a"));
            last = stream.record(AuditDraft.builder("b"));
        }

        assertThat(appended).containsExactly(1L, 2L);
        assertThat(closedAt).containsExactly(last.position());
    }

    @Test
    void aFailingListenerLeavesTheEventAppendedAndIsCountedInHealth() throws Exception {
        try (LineEmitter stream = open("failing-listener.state", List.of(event -> {
            throw new IllegalStateException("checkpoint key unavailable");
        }))) {
            AuditEvent stored = stream.record(AuditDraft.builder("a"));

            assertThat(stored.sequence()).isEqualTo(1);
            assertThat(stream.health().detail()).contains("1 chain listener call(s) failed");
        }
    }
}
