package io.airlog.ocsf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlog.AuditDraft;
import io.airlog.AuditStream;
import io.airlog.spi.AuditBackendProvider;
import io.airlog.spi.BackendContext;
import io.airlog.spi.ConfigView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OcsfBackendProviderTest {
    @TempDir
    Path dir;

    private static BackendContext context(Map<String, String> config) {
        return BackendContext.builder("ocsf", "siem", "bank")
                .settings(ConfigView.of(key -> Optional.ofNullable(config.get(key)), List.of("airlog.")).under("ocsf."))
                .build();
    }

    @Test
    void theBackendIsFoundThroughServiceLoaderByName() {
        assertThat(ServiceLoader.load(AuditBackendProvider.class).stream().map(ServiceLoader.Provider::get)
                .map(AuditBackendProvider::name)).contains("ocsf");
    }

    @Test
    void theBackendWritesOneValidatedOcsfLinePerEventWithTheConfiguredRulesAndProduct() throws Exception {
        Path file = dir.resolve("siem/ocsf.jsonl");
        Files.createDirectories(file.getParent());
        var backend = new OcsfBackendProvider().open(context(Map.of("airlog.ocsf.file", file.toString(),
                "airlog.ocsf.rules", "user.*=account-change, *Document*=entity-management",
                "airlog.ocsf.product", "Ledger")));
        try (AuditStream stream = backend.stream()) {
            stream.record(AuditDraft.builder("user.passwordChange"));
            stream.record(AuditDraft.builder("updateDocument").resource("Document", "d-1"));
            stream.record(AuditDraft.builder("transfer"));
        }

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).contains("\"class_uid\":3001");
        assertThat(lines.get(1)).contains("\"class_uid\":3004");
        assertThat(lines.get(2)).contains("\"class_uid\":6003").contains("\"name\":\"Ledger\"");
        for (String line : lines) {
            assertThat(OcsfSchema.shipped().validate(line).valid()).as(line).isTrue();
        }
    }

    @Test
    void theFileIsRequired() {
        assertThatThrownBy(() -> new OcsfBackendProvider().open(context(Map.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("airlog.ocsf.file is required by the ocsf backend");
    }

    @Test
    void aRuleWithAnUnknownClassFailsNamingTheKeyAndTheClasses() {
        assertThatThrownBy(() -> OcsfBackendProvider.mapper(context(Map.of("airlog.ocsf.rules", "login*=signin"))
                .settings()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("airlog.ocsf.rules").hasMessageContaining("signin")
                .hasMessageContaining("entity-management");
    }

    @Test
    void aRuleWithoutAnEqualsSignFailsNamingTheKey() {
        assertThatThrownBy(() -> OcsfBackendProvider.mapper(context(Map.of("airlog.ocsf.rules", "login*")).settings()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("airlog.ocsf.rules").hasMessageContaining("<action pattern>=<class>");
    }
}
