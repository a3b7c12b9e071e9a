package io.airlog.bench.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlog.AuditEvent;
import io.airlog.AuditLogReader;
import io.airlog.AuditStream;
import io.airlog.cdi.AuditInterceptor;
import io.airlog.cdi.AuditLog;
import io.airlog.cdi.OuterAuditInterceptor;
import io.airlog.pipeline.Redactor;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.InterceptionType;
import jakarta.enterprise.inject.spi.Interceptor;
import jakarta.enterprise.util.AnnotationLiteral;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmarks measure what they say: their states set up and their methods do the work. */
class BenchmarkStatesTest {

    @Test
    void auditedCallRecordsOneSealedEventAndTheOthersNone() {
        InterceptorBenchmark benchmark = new InterceptorBenchmark();
        benchmark.start();
        try {
            assertThat(benchmark.noInterceptor()).isEqualTo("A-12345");
            assertThat(benchmark.emptyInterceptor()).isEqualTo("A-12345");
            assertThat(benchmark.auditLog()).isEqualTo("A-12345");

            AuditLogReader stream = (AuditLogReader) benchmark.container().select(AuditStream.class).get();
            List<AuditEvent> events = stream.replay(1, stream.head().size()).toList();
            assertThat(events).hasSize(1);
            AuditEvent event = events.get(0);
            assertThat(event.action()).isEqualTo("account.transfer");
            assertThat(event.resourceId()).isEqualTo("A-12345");
            assertThat(event.context()).containsKey("amountCents");
            assertThat(event.verify()).isTrue();
        } finally {
            benchmark.stop();
        }
    }

    @Test
    void emptyInterceptorIsEnabledAtTheAuditInterceptorsPriority() {
        InterceptorBenchmark benchmark = new InterceptorBenchmark();
        benchmark.start();
        try {
            BeanManager beans = benchmark.container().getBeanManager();
            List<Interceptor<?>> interceptors = beans.resolveInterceptors(InterceptionType.AROUND_INVOKE,
                    new AnnotationLiteral<Empty>() { });
            assertThat(interceptors).extracting(Interceptor::getBeanClass).containsExactly(EmptyInterceptor.class);
            assertThat(AuditInterceptor.priorityOf(EmptyInterceptor.class)).isEqualTo(OuterAuditInterceptor.PRIORITY);
            assertThat(EmptyInterceptedTransferService.class.isAnnotationPresent(Empty.class)).isTrue();
            assertThat(PlainTransferService.class.getAnnotations()).noneMatch(a -> a.annotationType() == Empty.class
                    || a.annotationType() == AuditLog.class);
        } finally {
            benchmark.stop();
        }
    }

    @Test
    void redactionBenchmarkMasksOnlyTheSensitiveDraft() {
        RedactionBenchmark benchmark = new RedactionBenchmark();
        benchmark.setUp();

        assertThat(benchmark.typicalDraft().context()).doesNotContainValue(Redactor.MARKER);
        assertThat(benchmark.draftWithSecrets().context().get("password")).isEqualTo(Redactor.MARKER);
        assertThat(benchmark.draftWithSecrets().context().get("notify")).isEqualTo(Redactor.MARKER);
    }

    @Test
    void sealBenchmarkSealsAValidEvent() {
        SealBenchmark benchmark = new SealBenchmark();
        benchmark.setUp();

        assertThat(benchmark.seal().verify()).isTrue();
        assertThat(benchmark.verifyEvent()).isTrue();
    }

    @Test
    void chainBenchmarkVerifiesAnIntactChain() {
        ChainVerifyBenchmark benchmark = new ChainVerifyBenchmark();
        benchmark.setUp();

        assertThat(benchmark.verifyChain().intact()).isTrue();
    }
}
