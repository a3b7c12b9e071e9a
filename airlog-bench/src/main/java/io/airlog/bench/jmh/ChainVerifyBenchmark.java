package io.airlog.bench.jmh;

import io.airlog.AuditDraft;
import io.airlog.AuditEvent;
import io.airlog.stream.InMemoryAuditStream;
import io.airlog.verify.ChainVerifier;
import io.airlog.verify.VerificationReport;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Verification of an in-memory chain of 10,000 events; the score is per event.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ChainVerifyBenchmark {
    private static final int EVENTS = 10_000;
    private List<AuditEvent> events;

    @Setup
    public void setUp() {
        InMemoryAuditStream stream = InMemoryAuditStream.of("bench");
        for (int i = 0; i < EVENTS; i++) {
            stream.record(AuditDraft.builder("document.update").resource("Document", "d" + i).put("i", i));
        }
        events = stream.events();
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public VerificationReport verifyChain() {
        VerificationReport report = ChainVerifier.verify("bench", events);
        if (!report.intact()) {
            throw new IllegalStateException(report.summary());
        }
        return report;
    }
}
