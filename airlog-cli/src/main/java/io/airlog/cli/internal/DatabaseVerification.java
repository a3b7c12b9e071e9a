package io.airlog.cli.internal;

import io.airlog.AuditIntegrityException;
import io.airlog.checkpoint.Checkpoint;
import io.airlog.jdbc.JdbcChainVerifier;
import io.airlog.merkle.TreeEdge;
import io.airlog.verify.Anchors;
import io.airlog.verify.Damage;
import io.airlog.verify.DamageKind;
import io.airlog.verify.VerificationReport;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code airlog verify} of a database log.
 *
 * <p><b>The seam to airlog-jdbc's signed checkpoints.</b> Schema V1 stores no signed
 * checkpoints, so today this runs airlog-jdbc's {@link JdbcChainVerifier} as it is (full, or
 * incremental from the recorded verified position) and, given a witness, checks the table
 * against the witness's newest trusted checkpoint itself: fewer stored events than witnessed is
 * {@link DamageKind#BEHIND_WITNESS}, a first {@code m} events that do not hash to the witnessed
 * root {@link DamageKind#WITNESS_MISMATCH}, events after it an {@link DamageKind#UNSIGNED_TAIL}
 * notice. When airlog-jdbc's verifier takes trusted keys and a witness (schema V2), this class
 * hands them {@link Checks#keys()}, {@link Checks#origin()} and {@link Checks#witness()} and
 * returns its report: the witness comparison here, and the "not checked" note on stored
 * checkpoints, go away.
 */
final class DatabaseVerification {
    private DatabaseVerification() {
    }

    static VerificationReport verify(DatabaseLogin login, EventTable table, String logId, Checks checks) {
        if (checks.witness() != null && checks.keys().isEmpty()) {
            throw CliException.error("a witness's records are checked with trusted keys: give --keys");
        }
        if (checks.witness() != null && !checks.witness().exists()) {
            throw CliException.error("no witness at " + checks.witness().location());
        }
        JdbcChainVerifier verifier = new JdbcChainVerifier(login.dataSource(), login.tables());
        VerificationReport chain = checks.incremental() ? verifier.verifyIncremental(logId) : verifier.verifyFull(logId);
        List<Damage> damages = new ArrayList<>(chain.damages());
        List<Damage> notices = new ArrayList<>(chain.notices());
        List<String> notChecked = new ArrayList<>();
        notChecked.add("signed checkpoints in the database (" + DatabaseCheckpoints.NONE_STORED + "): without a"
                + " witness, a rewritten log or lost last events pass");
        long witnessed = 0;
        if (checks.witness() == null) {
            notChecked.add("a witness (none given)");
        } else {
            Witnessed w = Witnessed.of(checks.witness(), checks.keys(), checks.origin());
            damages.addAll(w.damages());
            notices.addAll(w.notices());
            if (w.newest() == null) {
                notChecked.add("the witness " + w.snapshot().location() + " (it holds no checkpoint a trusted key"
                        + " signed for " + checks.origin() + ")");
            } else {
                witnessed = compare(table, logId, w, damages, notices, notChecked);
            }
        }
        return new VerificationReport(logId, chain.start(), chain.end(), chain.eventsRead(), damages, notices,
                new Anchors(witnessed, witnessed, notChecked));
    }

    /** Compares the table with the witnessed checkpoint; returns the witnessed size if they agree, else 0. */
    private static long compare(EventTable table, String logId, Witnessed w, List<Damage> damages,
                                List<Damage> notices, List<String> notChecked) {
        Checkpoint c = w.newest().checkpoint();
        String where = "the witness " + w.snapshot().location();
        long stored = table.maxSequence();
        if (stored < c.size()) {
            damages.add(new Damage(DamageKind.BEHIND_WITNESS, 0, stored + 1, c.size(), where + " holds a signed"
                    + " checkpoint of " + c.size() + " events but the table holds " + stored + ": events were lost at"
                    + " the end, or an older backup was restored"));
            return 0;
        }
        TreeEdge tree;
        try {
            tree = Trees.edgeAt(table::leaves, c.size());
        } catch (AuditIntegrityException e) {
            notChecked.add(where + " (the table is damaged before sequence " + c.size() + ": " + e.getMessage() + ")");
            return 0;
        }
        if (!tree.root().equals(c.root())) {
            damages.add(new Damage(DamageKind.WITNESS_MISMATCH, 0, c.size(), c.size(), "the stored events 1.."
                    + c.size() + " do not hash to the root " + where + " holds for that size: the log was rewritten or"
                    + " re-created"));
            return 0;
        }
        if (stored > c.size()) {
            notices.add(new Damage(DamageKind.UNSIGNED_TAIL, 0, c.size() + 1, stored, (stored - c.size())
                    + " event(s) after the witnessed checkpoint (" + c.size() + ") of log '" + logId + "' are covered"
                    + " by no signature yet"));
        }
        return c.size();
    }
}
