package io.airlog.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlog.AuditDraft;
import io.airlog.AuditEvent;
import io.airlog.AuthMethod;
import io.airlog.Outcome;
import io.airlog.Principal;
import io.airlog.checkpoint.NoteSigner;
import io.airlog.checkpoint.SigningKeys;
import io.airlog.checkpoint.TrustedKeys;
import io.airlog.pipeline.AuditMiddleware;
import io.airlog.pipeline.AuditPipeline;
import io.airlog.pipeline.AuditStreamRegistry;
import io.airlog.pipeline.Redactor;
import io.airlog.pipeline.RouteRule;
import io.airlog.pipeline.RoutingPolicy;
import io.airlog.stream.JsonLinesAuditStream;
import io.airlog.stream.JsonLinesVerifier;
import io.airlog.verify.CheckpointVerifier;
import io.airlog.verify.VerificationReport;
import io.airlog.witness.FileWitness;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The code of the README's quick start, as written there, so that the README stays true. */
class ReadmeExamplesTest {
    @TempDir
    Path dir;

    @Test
    void quickStartRecordsAnEventThatVerifies() {
        Path file = dir.resolve("audit.jsonl");
        AuditEvent e;
        try (JsonLinesAuditStream audit = JsonLinesAuditStream.toFile(file, "bank")) {
            e = audit.record(AuditDraft.builder("transfer")
                    .principal(Principal.of("alice", AuthMethod.PASSWORD))
                    .resource("Account", "A-1")
                    .outcome(Outcome.SUCCESS)
                    .put("amount", 125.5));
        }
        assertThat(e.sequence()).isEqualTo(1);
        assertThat(e.verify()).isTrue();
        VerificationReport report = JsonLinesVerifier.verify(file);
        assertThat(report.summary()).startsWith("log 'bank' intact: 1 events read");
    }

    @Test
    void signedCheckpointExampleWritesAFileThatVerifiesSignedAndWitnessed() throws Exception {
        SigningKeys.writePem(SigningKeys.generate("audit.example.com/bank"), dir.resolve("signing.pem"));
        Path witness = dir.resolve("witness/bank.witness");
        NoteSigner key = SigningKeys.readPem(dir.resolve("signing.pem"), "audit.example.com/bank");
        try (JsonLinesAuditStream audit = JsonLinesAuditStream.builder(dir.resolve("audit.jsonl"), "bank")
                .signer(key).witnessFile(witness).build()) {
            audit.record(AuditDraft.builder("transfer").put("amount", 125.5));
        }
        VerificationReport report = JsonLinesVerifier.verify(dir.resolve("audit.jsonl"), CheckpointVerifier.builder("bank")
                .trustedKeys(TrustedKeys.of(key.verifierKey()))
                .witness(FileWitness.open(witness, "airlog/bank").read()));
        assertThat(report.intact()).isTrue();
        assertThat(report.anchors().signedSize()).isEqualTo(1);
        assertThat(report.anchors().witnessedSize()).isEqualTo(1);
    }

    @Test
    void pipelineExampleRedactsAndRoutesLoginsToBothLogs() {
        AuditStreamRegistry streams = new AuditStreamRegistry()
                .register(JsonLinesAuditStream.toFile(dir.resolve("app.jsonl"), "app"))
                .register(JsonLinesAuditStream.toFile(dir.resolve("security.jsonl"), "security"));
        AuditPipeline audit = AuditPipeline.builder("default")
                .use(Redactor.defaults())
                .use(AuditMiddleware.enrich("host", () -> "web-1"))
                .routing(RoutingPolicy.builder()
                        .rule(RouteRule.named("logins").when(d -> d.action().startsWith("login"))
                                .route("app", "security"))
                        .build())
                .registry(streams).defaultStream("app").build();
        AuditEvent e = audit.record(AuditDraft.builder("login").put("password", "hunter2"));
        streams.close();

        assertThat(e.context()).containsEntry("password", Redactor.MARKER).containsEntry("host", "web-1");
        assertThat(JsonLinesVerifier.verify(dir.resolve("app.jsonl")).eventsRead()).isEqualTo(1);
        assertThat(JsonLinesVerifier.verify(dir.resolve("security.jsonl")).eventsRead()).isEqualTo(1);
    }
}
