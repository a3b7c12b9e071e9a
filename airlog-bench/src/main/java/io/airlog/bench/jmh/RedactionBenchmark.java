package io.airlog.bench.jmh;

import io.airlog.AuditDraft;
import io.airlog.AuthMethod;
import io.airlog.Outcome;
import io.airlog.Principal;
import io.airlog.pipeline.Redactor;
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
 * The redaction middleware with its default rules ({@link Redactor#defaults()}) on a typical
 * draft: once with nothing to mask (the common case: every string is still scanned), once
 * with a password, an e-mail address and a card number in its context.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RedactionBenchmark {
    private final Redactor redactor = Redactor.defaults();
    private AuditDraft clean;
    private AuditDraft sensitive;

    @Setup
    public void setUp() {
        Principal principal = new Principal("alice", AuthMethod.PASSWORD, Map.of("roles", List.of("teller", "auditor")));
        clean = AuditDraft.builder("account.transfer").principal(principal).resource("Account", "A-12345")
                .outcome(Outcome.SUCCESS).correlationId("4bf92f3577b34da6a3ce929d0e0e4736")
                .put("amount", 125.5).put("currency", "EUR").put("to", "B-7").put("durationMicros", 812)
                .build();
        sensitive = clean.withContextValue("password", "hunter2")
                .withContextValue("notify", "alice@example.com")
                .withContextValue("card", "4111 1111 1111 1111");
        if (redactor.apply(sensitive).equals(sensitive) || !redactor.apply(clean).equals(clean)) {
            throw new IllegalStateException("the redactor does not do what this benchmark assumes");
        }
    }

    /** A typical draft with nothing to mask. */
    @Benchmark
    public AuditDraft typicalDraft() {
        return redactor.apply(clean);
    }

    /** A typical draft plus a password, an e-mail address and a card number. */
    @Benchmark
    public AuditDraft draftWithSecrets() {
        return redactor.apply(sensitive);
    }
}
