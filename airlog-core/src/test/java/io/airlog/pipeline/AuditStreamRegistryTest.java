package io.airlog.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlog.stream.InMemoryAuditStream;
import org.junit.jupiter.api.Test;

class AuditStreamRegistryTest {
    private final InMemoryAuditStream main = new InMemoryAuditStream("main", "app");
    private final InMemoryAuditStream security = new InMemoryAuditStream("security", "sec");

    @Test
    void registeredStreamIsFoundByItsName() {
        AuditStreamRegistry registry = new AuditStreamRegistry().register(main).register(security);

        assertThat(registry.get("security")).isSameAs(security);
        assertThat(registry.names()).containsExactly("main", "security");
    }

    @Test
    void unknownNameFailsNamingItAndTheRegisteredNames() {
        AuditStreamRegistry registry = new AuditStreamRegistry().register(main).register(security);

        assertThatThrownBy(() -> registry.get("archive")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'archive'").hasMessageContaining("main, security");
    }

    @Test
    void secondStreamOfTheSameNameIsRejected() {
        AuditStreamRegistry registry = new AuditStreamRegistry().register(main);
        InMemoryAuditStream other = new InMemoryAuditStream("main", "other");

        assertThatThrownBy(() -> registry.register(other))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'main'");
    }

    @Test
    void closeClosesEveryStream() {
        new AuditStreamRegistry().register(main).register(security).close();

        assertThat(main.health().up()).isFalse();
        assertThat(security.health().up()).isFalse();
    }

    @Test
    void closeClosesTheOtherStreamsWhenOneFailsToClose() {
        AuditStreamRegistry registry = new AuditStreamRegistry().register(main)
                .register(FailingStorageStream.failingToClose("broken")).register(security);

        assertThatThrownBy(registry::close).isInstanceOf(IllegalStateException.class).hasMessageContaining("broken");
        assertThat(main.health().up()).isFalse();
        assertThat(security.health().up()).isFalse();
    }

    @Test
    void registeringAfterCloseFails() {
        AuditStreamRegistry registry = new AuditStreamRegistry();
        registry.close();

        assertThatThrownBy(() -> registry.register(main)).isInstanceOf(IllegalStateException.class);
    }
}
