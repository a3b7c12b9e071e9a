package io.airlog.bench.jmh;

import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One business call on Weld SE, three ways: through the client proxy only, through an empty
 * interceptor of the audit interceptor's priority, and audited with {@code @AuditLog} to an
 * in-memory stream ({@code airlog.backend=memory}): argument capture, draft, principal and
 * correlation, sealing (canonical encoding + SHA-256) and storing the event.
 *
 * <p>The in-memory stream keeps every event, so the container (and with it the stream) is
 * started afresh for each iteration; starting it is not measured. Iterations are short
 * (200 ms, about 70,000 calls) so that what is measured is the call, not the garbage
 * collector copying an ever larger log from one generation to the next (with 1 s iterations
 * the retained events added about a quarter to the score). The heap is fixed and touched before
 * the run, so that the kernel zeroing new heap pages is not measured either.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 15, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 15, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class InterceptorBenchmark {
    /** Weld logs every container start at INFO; kept (strongly referenced) at WARNING. */
    private static final Logger WELD_LOG = Logger.getLogger("org.jboss.weld");

    private WeldContainer container;
    private TransferService plain;
    private TransferService empty;
    private TransferService audited;
    private long amount;

    @Setup(Level.Iteration)
    public void start() {
        WELD_LOG.setLevel(java.util.logging.Level.WARNING);
        // Read by MicroProfile Config (SmallRye) when the container starts.
        System.setProperty("airlog.backend", "memory");
        container = new Weld("airlog-bench-" + UUID.randomUUID()).property("org.jboss.weld.se.shutdownHook", false)
                .addBeanClasses(PlainTransferService.class, EmptyInterceptedTransferService.class,
                        AuditedTransferService.class, EmptyInterceptor.class)
                .initialize();
        plain = container.select(PlainTransferService.class).get();
        empty = container.select(EmptyInterceptedTransferService.class).get();
        audited = container.select(AuditedTransferService.class).get();
    }

    /** The running container (for tests of this benchmark). */
    WeldContainer container() {
        return container;
    }

    @TearDown(Level.Iteration)
    public void stop() {
        container.shutdown();
    }

    /** The call through the client proxy, no interceptor. */
    @Benchmark
    public String noInterceptor() {
        return plain.transfer("A-12345", ++amount);
    }

    /** The call through an interceptor that only proceeds. */
    @Benchmark
    public String emptyInterceptor() {
        return empty.transfer("A-12345", ++amount);
    }

    /** The call audited: interceptor, draft, seal (checksum), in-memory store. */
    @Benchmark
    public String auditLog() {
        return audited.transfer("A-12345", ++amount);
    }
}
