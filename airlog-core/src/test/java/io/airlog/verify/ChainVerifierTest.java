package io.airlog.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlog.AuditDraft;
import io.airlog.AuditEvent;
import io.airlog.ChainPosition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainVerifierTest {

    private static List<AuditEvent> chain(String logId, int n) {
        List<AuditEvent> events = new ArrayList<>();
        ChainPosition head = ChainPosition.EMPTY;
        for (int i = 0; i < n; i++) {
            AuditEvent e = AuditDraft.builder("act" + i).build().seal(logId, head.nextSequence(), head.lastChecksum());
            events.add(e);
            head = e.position();
        }
        return events;
    }

    @Test
    void intactChainReportsNoDamageAndItsHead() {
        List<AuditEvent> events = chain("log", 10);
        VerificationReport report = ChainVerifier.verify("log", events);
        assertThat(report.intact()).isTrue();
        assertThat(report.eventsRead()).isEqualTo(10);
        assertThat(report.end()).isEqualTo(events.get(9).position());
    }

    @Test
    void changedEventIsReportedAtItsPosition() {
        List<AuditEvent> events = chain("log", 5);
        AuditEvent e = events.get(2);
        events.set(2, new AuditEvent(e.eventId(), e.logId(), e.sequence(), e.timestamp(), "edited", e.principal(),
                e.resource(), e.resourceId(), e.outcome(), e.correlationId(), e.context(), e.previousChecksum(),
                e.checksum()));
        VerificationReport report = ChainVerifier.verify("log", events);
        assertThat(report.damages()).singleElement()
                .satisfies(d -> assertThat(d.kind()).isEqualTo(DamageKind.CHANGED))
                .satisfies(d -> assertThat(d.position()).isEqualTo(3))
                .satisfies(d -> assertThat(d.firstSequence()).isEqualTo(3));
        assertThat(report.end().size()).isEqualTo(2);
    }

    @Test
    void deletedMiddleEventIsReportedAsMissing() {
        List<AuditEvent> events = chain("log", 5);
        events.remove(2);
        VerificationReport report = ChainVerifier.verify("log", events);
        assertThat(report.damages()).singleElement()
                .satisfies(d -> assertThat(d.kind()).isEqualTo(DamageKind.MISSING))
                .satisfies(d -> assertThat(d.firstSequence()).isEqualTo(3))
                .satisfies(d -> assertThat(d.position()).isEqualTo(3));
    }

    @Test
    void swappedEventsAreReportedAsReordered() {
        List<AuditEvent> events = chain("log", 5);
        Collections.swap(events, 2, 3);
        VerificationReport report = ChainVerifier.verify("log", events);
        assertThat(report.damages()).singleElement()
                .satisfies(d -> assertThat(d.kind()).isEqualTo(DamageKind.REORDERED))
                .satisfies(d -> assertThat(d.firstSequence()).isEqualTo(3))
                .satisfies(d -> assertThat(d.position()).isEqualTo(4));
    }

    @Test
    void repeatedEventIsReportedAsDuplicated() {
        List<AuditEvent> events = chain("log", 5);
        events.add(3, events.get(2));
        VerificationReport report = ChainVerifier.verify("log", events);
        assertThat(report.damages()).singleElement()
                .satisfies(d -> assertThat(d.kind()).isEqualTo(DamageKind.DUPLICATED))
                .satisfies(d -> assertThat(d.position()).isEqualTo(4));
    }

    @Test
    void eventOfAnotherLogIsReportedAsForeign() {
        List<AuditEvent> events = chain("log", 5);
        events.add(2, chain("other", 3).get(2));
        VerificationReport report = ChainVerifier.verify("log", events);
        assertThat(report.damages()).singleElement()
                .satisfies(d -> assertThat(d.kind()).isEqualTo(DamageKind.FOREIGN))
                .satisfies(d -> assertThat(d.position()).isEqualTo(3));
    }

    @Test
    void forgedSelfConsistentEventIsReportedAsBrokenLink() {
        List<AuditEvent> events = chain("log", 5);
        AuditEvent forged = AuditDraft.builder("forged").build().seal("log", 3, "f".repeat(64));
        events.set(2, forged);
        VerificationReport report = ChainVerifier.verify("log", events);
        assertThat(report.damages()).extracting(Damage::kind, Damage::position)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(DamageKind.BROKEN_LINK, 3L),
                        org.assertj.core.groups.Tuple.tuple(DamageKind.BROKEN_LINK, 4L));
    }

    @Test
    void incrementalVerificationStartsAfterTrustedPosition() {
        List<AuditEvent> events = chain("log", 6);
        ChainVerifier v = ChainVerifier.from("log", events.get(3).position());
        v.accept(1, events.get(4));
        v.accept(2, events.get(5));
        VerificationReport report = v.finish();
        assertThat(report.intact()).isTrue();
        assertThat(report.eventsRead()).isEqualTo(2);
        assertThat(report.end().size()).isEqualTo(6);
    }

    @Test
    void everyDamagedPlaceIsReportedNotOnlyTheFirst() {
        List<AuditEvent> events = chain("log", 10);
        events.remove(7);
        events.remove(2);
        VerificationReport report = ChainVerifier.verify("log", events);
        assertThat(report.damages()).extracting(Damage::kind, Damage::firstSequence)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(DamageKind.MISSING, 3L),
                        org.assertj.core.groups.Tuple.tuple(DamageKind.MISSING, 8L));
        assertThat(report.summary()).contains("first bad sequence 3");
    }
}
