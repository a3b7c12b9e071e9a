package io.airlog.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlog.AuditEvent;
import io.airlog.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class InterceptorPriorityTest {

    private static List<AuditEvent> events(TestContainer container) {
        return container.events();
    }

    @Test
    void defaultPriorityWrapsTheTransactionSoAFailedCommitIsRecordedAsFailure() {
        try (TestContainer c = TestContainer.builder().property("airlog.backend", "memory")
                .beans(TransferService.class, CommitFailsInterceptor.class).start()) {
            TransferService transfers = c.select(TransferService.class);

            assertThatThrownBy(() -> transfers.transfer("A-1"))
                    .isInstanceOf(CommitFailsInterceptor.CommitFailedException.class);

            assertThat(transfers.calls()).isEqualTo(1);
            AuditEvent e = events(c).get(0);
            assertThat(e.outcome()).isEqualTo(Outcome.FAILURE);
            assertThat(e.context()).containsEntry("exception", CommitFailsInterceptor.CommitFailedException.class.getName());
        }
    }

    @Test
    void innerPriorityRecordsTheMethodsOwnOutcomeBeforeTheCommit() {
        try (TestContainer c = TestContainer.builder().property("airlog.backend", "memory")
                .property("airlog.interceptor.priority", InnerAuditInterceptor.PRIORITY)
                .beans(TransferService.class, CommitFailsInterceptor.class).start()) {
            TransferService transfers = c.select(TransferService.class);

            assertThatThrownBy(() -> transfers.transfer("A-1"))
                    .isInstanceOf(CommitFailsInterceptor.CommitFailedException.class);

            assertThat(events(c)).singleElement().extracting(AuditEvent::outcome).isEqualTo(Outcome.SUCCESS);
        }
    }

    @Test
    void applicationSubclassIsSelectedByItsPriority() {
        try (TestContainer c = TestContainer.builder().property("airlog.backend", "memory")
                .property("airlog.interceptor.priority", 2500)
                .beans(TransferService.class, CommitFailsInterceptor.class, InnerAuditInterceptorUser.class).start()) {
            TransferService transfers = c.select(TransferService.class);

            assertThatThrownBy(() -> transfers.transfer("A-1"))
                    .isInstanceOf(CommitFailsInterceptor.CommitFailedException.class);

            assertThat(events(c)).singleElement().extracting(AuditEvent::outcome).isEqualTo(Outcome.SUCCESS);
        }
    }

    @Test
    void priorityWithoutAnInterceptorFailsTheStartNamingTheKeyAndTheAllowedValues() {
        TestContainer.Builder builder = TestContainer.builder().property("airlog.backend", "memory")
                .property("airlog.interceptor.priority", 1234).beans(TransferService.class);

        assertThat(builder.startFailure()).hasStackTraceContaining("airlog.interceptor.priority: invalid value '1234'")
                .hasStackTraceContaining("allowed values: 100 (io.airlog.cdi.OuterAuditInterceptor), "
                        + "3100 (io.airlog.cdi.InnerAuditInterceptor)");
    }
}
