package io.airlog.bench.jmh;

import io.airlog.AuditDraft;
import io.airlog.AuditEvent;
import io.airlog.AuthMethod;
import io.airlog.ChainPosition;
import io.airlog.Outcome;
import io.airlog.Principal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of building a typical draft, and of sealing it (canonical encoding + SHA-256).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SealBenchmark {
    private Principal principal;
    private AuditDraft draft;
    /** Two events verified in turn: a thread remembers the checksum of the last event it verified. */
    private AuditEvent[] sealed;
    private int next;

    @Setup
    public void setUp() {
        principal = new Principal("alice", AuthMethod.PASSWORD, Map.of("roles", List.of("teller", "auditor")));
        draft = typicalDraft();
        sealed = new AuditEvent[] {draft.seal("bench", 42, ChainPosition.GENESIS),
                draft.seal("bench", 43, ChainPosition.GENESIS)};
    }

    private AuditDraft typicalDraft() {
        return AuditDraft.builder("account.transfer").principal(principal).resource("Account", "A-12345")
                .outcome(Outcome.SUCCESS).correlationId("4bf92f3577b34da6a3ce929d0e0e4736")
                .put("amount", 125.5).put("currency", "EUR").put("to", "B-7").put("durationMicros", 812)
                .build();
    }

    /** Builds and validates a draft with five context entries. */
    @Benchmark
    public AuditDraft buildDraft() {
        return typicalDraft();
    }

    /** Canonical encoding + SHA-256 of a prepared draft. */
    @Benchmark
    public AuditEvent seal() {
        return draft.seal("bench", 42, ChainPosition.GENESIS);
    }

    /** Recomputes and compares the checksum of a sealed event (another one than the call before). */
    @Benchmark
    public boolean verifyEvent() {
        next ^= 1;
        return sealed[next].verify();
    }
}
