package io.airlog.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlog.AuditDraft;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** What the runner counts: calls of the measured window, by every caller, failures apart. */
class LoadRunnerTest {

    @Test
    void countsNoMoreEventsThanTheSinkStored() throws Exception {
        CountingSink sink = new CountingSink();

        LoadResult result = LoadRunner.run(sink, 2, Duration.ofMillis(50), Duration.ofMillis(200));

        assertThat(result.events()).isPositive().isLessThanOrEqualTo(sink.stored.get());
        assertThat(result.latency().getTotalCount()).isEqualTo(result.events());
        assertThat(result.errors()).isZero();
    }

    @Test
    void everyCallerIsUsed() throws Exception {
        CountingSink sink = new CountingSink();

        LoadRunner.run(sink, 4, Duration.ZERO, Duration.ofMillis(200));

        assertThat(sink.callers.keySet()).containsExactlyInAnyOrder(0, 1, 2, 3);
    }

    @Test
    void asynchronousEventsCountWhenTheirStageCompletes() throws Exception {
        Sink neverCompletes = (caller, draft) -> new CompletableFuture<>();

        LoadResult result = LoadRunner.run(neverCompletes, 1, Duration.ZERO, Duration.ofMillis(100));

        assertThat(result.events()).isZero();
        assertThat(result.latency().getTotalCount()).isPositive();
    }

    @Test
    void failuresAreCountedAndTheFirstKept() throws Exception {
        Sink failing = (caller, draft) -> {
            throw new IllegalStateException("database down");
        };

        LoadResult result = LoadRunner.run(failing, 2, Duration.ZERO, Duration.ofMillis(50));

        assertThat(result.events()).isZero();
        assertThat(result.errors()).isPositive();
        assertThat(result.firstError()).hasMessage("database down");
    }

    @Test
    void aSinkThatCountsItsStoredEventsIsCountedByItsOwnCountOverTheWindow() throws Exception {
        AtomicLong calls = new AtomicLong();
        Sink buffering = new Sink() {
            @Override
            public CompletionStage<?> store(int caller, AuditDraft draft) {
                calls.incrementAndGet();
                return null;
            }

            @Override
            public long durableCount() {
                return calls.get() / 100 * 100;
            }
        };

        LoadResult result = LoadRunner.run(buffering, 2, Duration.ofMillis(50), Duration.ofMillis(200));

        assertThat(result.events() % 100).isZero();
        assertThat(result.events()).isLessThanOrEqualTo(calls.get());
        assertThat(result.latency().getTotalCount()).isPositive();
    }

    @Test
    void theCpuTimeOfTheWindowIsMeasured() throws Exception {
        Sink busy = (caller, draft) -> {
            long until = System.nanoTime() + 100_000;
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            return null;
        };

        LoadResult result = LoadRunner.run(busy, 1, Duration.ZERO, Duration.ofMillis(300));

        assertThat(result.cpu().jvm()).isPositive();
        assertThat(result.cpu().database()).isZero();
        assertThat(result.cpuSecondsPerThousand()).isPositive();
    }

    @Test
    void callersMustBeAtLeastOne() {
        assertThatThrownBy(() -> LoadRunner.run(new CountingSink(), 0, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("callers");
    }

    @Test
    void resultsOfTwoJvmsAddUp() throws Exception {
        LoadResult a = LoadRunner.run(new CountingSink(), 1, Duration.ZERO, Duration.ofMillis(50));
        LoadResult b = LoadRunner.run(new CountingSink(), 1, Duration.ZERO, Duration.ofMillis(50));

        LoadResult both = a.plus(b);

        assertThat(both.events()).isEqualTo(a.events() + b.events());
        assertThat(both.latency().getTotalCount()).isEqualTo(a.latency().getTotalCount()
                + b.latency().getTotalCount());
    }

    private static final class CountingSink implements Sink {
        final AtomicLong stored = new AtomicLong();
        final ConcurrentHashMap<Integer, Boolean> callers = new ConcurrentHashMap<>();

        @Override
        public CompletionStage<?> store(int caller, AuditDraft draft) {
            callers.put(caller, true);
            stored.incrementAndGet();
            return null;
        }

    }
}
