package io.airlog.cli.internal;

import io.airlog.spi.WitnessSnapshot;
import io.airlog.verify.Damage;
import io.airlog.verify.VerificationReport;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code airlog verify}: a JSON-lines file, an export bundle, or a database log. */
@Command(name = "verify", sortOptions = false,
        description = {"Verify a log: every event, the hash chain, and with --keys its signed checkpoints,"
                + " with --witness the witness.",
            "A FILE may be a JSON-lines audit file or an export bundle (`airlog export`).",
            "Exit 0 intact, 1 damaged, 2 usage, I/O or connection error."})
public final class VerifyCommand extends AirlogCommand {
    @Mixin
    StoreOptions store;

    @Mixin
    KeyOptions keys;

    @Option(names = "--witness", paramLabel = "WITNESS_FILE",
            description = "The log's witness file: the store must hold what its newest trusted checkpoint covers.")
    Path witness;

    @Option(names = "--incremental",
            description = "For a database: verify from the newest checkpoint row a trusted key signed (with --keys).")
    boolean incremental;

    @Option(names = "--require-signed",
            description = "Every event must be covered by a trusted signed checkpoint (the writer signs every batch):"
                    + " an unsigned tail is damage, not a notice. Needs --keys.")
    boolean requireSigned;

    @Override
    public Integer call() {
        if (requireSigned && keys.keys == null) {
            throw CliException.error("--require-signed checks signatures: give the trusted keys with --keys");
        }
        VerificationReport report;
        String unit;
        if (store.file != null && store.url == null && ExportBundle.isExport(store.file)) {
            if (witness != null || incremental || requireSigned) {
                throw CliException.error("an export is checked against the checkpoint it carries: --witness,"
                        + " --incremental and --require-signed do not apply");
            }
            report = ExportBundle.verify(store.file, store.log, keys.keys(false), keys.origin);
            unit = "line";
        } else {
            try (LogStore s = store.open()) {
                String origin = keys.origin(s.logId());
                WitnessSnapshot snapshot = witness == null ? null : Witnessed.read(witness, origin);
                report = s.verify(new Checks(origin, keys.keys(false), snapshot, witness, incremental, requireSigned));
                unit = s.isDatabase() ? "row" : "line";
            }
        }
        StringBuilder text = new StringBuilder(report.summary());
        for (Damage d : report.damages()) {
            text.append('\n').append(d.position() > 0 ? "  " + unit + " " + d.position() + ": " + d : "  " + d);
        }
        for (Damage n : report.notices()) {
            text.append("\n  notice: ").append(n);
        }
        result(text.toString(), g -> Json.report(g, report));
        return Exit.of(report.intact());
    }
}
