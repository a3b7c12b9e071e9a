package io.airlog.examples;

import io.airlog.AuditContext;
import io.airlog.AuditDraft;
import io.airlog.AuditEvent;
import io.airlog.AuthMethod;
import io.airlog.Outcome;
import io.airlog.Principal;
import io.airlog.stream.JsonLinesAuditStream;
import io.airlog.stream.JsonLinesVerifier;
import io.airlog.verify.VerificationReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The plain-Java quick start of the README: records a few events to a JSON-lines file,
 * verifies the file, then edits one line of a copy and shows the verifier finding it.
 * Run: {@code mvn -q -pl airlog-core test-compile exec:java -Dexec.mainClass=io.airlog.examples.QuickStart -Dexec.classpathScope=test}
 */
public final class QuickStart {
    private QuickStart() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "target/quickstart/audit.jsonl");
        Files.deleteIfExists(file);
        Principal alice = new Principal("alice", AuthMethod.PASSWORD, java.util.Map.of("roles", List.of("teller")));

        try (JsonLinesAuditStream audit = JsonLinesAuditStream.toFile(file, "bank");
             AuditContext.Scope request = AuditContext.scope().correlationId("req-42").principal(alice).open()) {
            audit.record(AuditDraft.builder("account.open").resource("Account", "A-1").put("currency", "EUR"));
            audit.record(AuditDraft.builder("transfer").resource("Account", "A-1").put("amount", 125.5).put("to", "B-7"));
            AuditEvent denied = audit.record(AuditDraft.builder("account.close").resource("Account", "A-1")
                    .outcome(Outcome.DENIED).put("reason", "balance not zero"));
            System.out.println("recorded 3 events; last: sequence " + denied.sequence() + ", checksum " + denied.checksum());
        }
        System.out.println("file: " + file.toAbsolutePath());
        Files.readAllLines(file).forEach(line -> System.out.println("  " + line));

        VerificationReport intact = JsonLinesVerifier.verify(file);
        System.out.println("verify original: " + intact.summary());

        Path tampered = file.resolveSibling("audit-tampered.jsonl");
        Files.writeString(tampered, Files.readString(file).replace("\"amount\":125.5", "\"amount\":12.55"));
        VerificationReport damaged = JsonLinesVerifier.verify(tampered);
        System.out.println("verify a copy whose transfer amount was edited: " + damaged.summary());
        damaged.damages().forEach(d -> System.out.println("  " + d));
    }
}
