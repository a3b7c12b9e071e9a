package io.airlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@SuppressWarnings("try")
class AuditContextTest {
    private static final Principal ALICE = Principal.of("alice", AuthMethod.PASSWORD);
    private static final Principal BOB = Principal.of("bob", AuthMethod.JWT);

    private final ExecutorService worker = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopWorker() {
        worker.shutdownNow();
    }

    @Test
    void nestedScopeRestoresTheEnclosingValuesWhenClosed() {
        try (AuditContext.Scope outer = AuditContext.scope().correlationId("req-1").principal(ALICE).open()) {
            try (AuditContext.Scope inner = AuditContext.scope().correlationId("req-2").principal(BOB).open()) {
                assertThat(AuditContext.current().correlationId()).isEqualTo("req-2");
            }
            assertThat(AuditContext.current()).isEqualTo(outer.snapshot());
        }
    }

    @Test
    void closingTheOutermostScopeLeavesTheEmptyContext() {
        try (AuditContext.Scope ignored = AuditContext.scope().correlationId("req-1").open()) {
            assertThat(AuditContext.current().correlationId()).isEqualTo("req-1");
        }
        assertThat(AuditContext.current()).isEqualTo(AuditContext.Snapshot.EMPTY);
    }

    @Test
    void nestedScopeStartsFromTheEnclosingValues() {
        try (AuditContext.Scope outer = AuditContext.scope().correlationId("req-1").put("tenant", "acme").open();
             AuditContext.Scope inner = AuditContext.scope().put("step", 2).open()) {
            assertThat(inner.snapshot()).isEqualTo(
                    new AuditContext.Snapshot("req-1", null, Map.of("tenant", "acme", "step", 2L)));
        }
    }

    @Test
    void builderTakesCorrelationIdPrincipalAndMetadataFromTheContext() {
        try (AuditContext.Scope ignored = AuditContext.scope().correlationId("req-1").principal(ALICE)
                .put("tenant", "acme").open()) {
            AuditDraft draft = AuditDraft.builder("document.read").build();

            assertThat(draft.correlationId()).isEqualTo("req-1");
            assertThat(draft.principal()).isEqualTo(ALICE);
            assertThat(draft.context()).containsEntry("tenant", "acme");
        }
    }

    @Test
    void explicitValuesWinOverTheContext() {
        try (AuditContext.Scope ignored = AuditContext.scope().correlationId("req-1").principal(ALICE)
                .put("tenant", "acme").open()) {
            AuditDraft draft = AuditDraft.builder("document.read").correlationId("req-9").principal(BOB)
                    .put("tenant", "globex").build();

            assertThat(draft.correlationId()).isEqualTo("req-9");
            assertThat(draft.principal()).isEqualTo(BOB);
            assertThat(draft.context()).containsEntry("tenant", "globex");
        }
    }

    @Test
    void builderOutsideAnyScopeUsesTheAnonymousPrincipal() {
        AuditDraft draft = AuditDraft.builder("document.read").build();

        assertThat(draft.principal().isAnonymous()).isTrue();
        assertThat(draft.correlationId()).isNull();
    }

    @Test
    void wrappedExecutorCarriesTheContextIntoTasksOnAnotherThread() throws Exception {
        AtomicReference<AuditDraft> seen = new AtomicReference<>();
        try (AuditContext.Scope ignored = AuditContext.scope().correlationId("req-1").principal(ALICE).open()) {
            AuditContext.wrap(worker).execute(() -> seen.set(AuditDraft.builder("job.run").build()));
        }
        worker.submit(() -> { }).get();

        assertThat(seen.get().correlationId()).isEqualTo("req-1");
        assertThat(seen.get().principal()).isEqualTo(ALICE);
    }

    @Test
    void wrappedTaskLeavesNoContextBehindOnTheWorkerThread() throws Exception {
        try (AuditContext.Scope ignored = AuditContext.scope().correlationId("req-1").open()) {
            AuditContext.wrap(worker).execute(() -> { });
        }
        Future<AuditContext.Snapshot> after = worker.submit(AuditContext::current);

        assertThat(after.get()).isEqualTo(AuditContext.Snapshot.EMPTY);
    }

    @Test
    void wrappedCallableRunsWithTheContextOfTheThreadThatWrappedIt() throws Exception {
        java.util.concurrent.Callable<String> task;
        try (AuditContext.Scope ignored = AuditContext.scope().correlationId("req-1").open()) {
            task = AuditContext.wrap(() -> AuditContext.current().correlationId());
        }
        try (AuditContext.Scope ignored = AuditContext.scope().correlationId("req-2").open()) {
            assertThat(worker.submit(task).get()).isEqualTo("req-1");
        }
    }

    @Test
    void scopesClosedOutOfOrderFail() {
        AuditContext.Scope outer = AuditContext.scope().correlationId("req-1").open();
        AuditContext.scope().correlationId("req-2").open();

        assertThatThrownBy(outer::close).isInstanceOf(IllegalStateException.class).hasMessageContaining("out of order");
    }

    @Test
    void innerScopeClosedAfterItsEnclosingScopeFails() {
        AuditContext.Scope outer = AuditContext.scope().correlationId("req-1").open();
        AuditContext.Scope inner = AuditContext.scope().correlationId("req-2").open();
        assertThatThrownBy(outer::close).isInstanceOf(IllegalStateException.class);

        assertThatThrownBy(inner::close).isInstanceOf(IllegalStateException.class).hasMessageContaining("out of order");
        assertThat(AuditContext.current()).isEqualTo(AuditContext.Snapshot.EMPTY);
    }

    @Test
    void closingAnOuterScopeFirstStillRestoresTheContextItWasOpenedIn() {
        AuditContext.Scope outer = AuditContext.scope().correlationId("req-1").open();
        AuditContext.scope().correlationId("forgotten").open();

        assertThatThrownBy(outer::close).isInstanceOf(IllegalStateException.class);
        assertThat(AuditContext.current()).isEqualTo(AuditContext.Snapshot.EMPTY);
    }

    @Test
    void closingAScopeOnAnotherThreadFailsAndLeavesItOpen() throws Exception {
        try (AuditContext.Scope scope = AuditContext.scope().correlationId("req-1").open()) {
            Future<?> closing = worker.submit(scope::close);

            assertThatThrownBy(closing::get).hasCauseInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("cannot be closed on thread");
            assertThat(AuditContext.current().correlationId()).isEqualTo("req-1");
        }
        assertThat(AuditContext.current()).isEqualTo(AuditContext.Snapshot.EMPTY);
    }

    @Test
    void metadataThatIsNotJsonIsRejectedNamingTheKey() {
        AuditContext.ScopeBuilder scope = AuditContext.scope().put("worker", Thread.currentThread());

        assertThatThrownBy(scope::open).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("context metadata.worker");
        assertThat(AuditContext.current()).isEqualTo(AuditContext.Snapshot.EMPTY);
    }
}
