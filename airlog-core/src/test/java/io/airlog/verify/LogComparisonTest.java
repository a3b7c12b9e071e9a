package io.airlog.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlog.AuditDraft;
import io.airlog.AuditEvent;
import io.airlog.ChainPosition;
import io.airlog.checkpoint.SigningKeys;
import io.airlog.encoding.EventJson;
import io.airlog.stream.InMemoryAuditStream;
import io.airlog.stream.JsonLinesAuditStream;
import io.airlog.stream.JsonLinesReader;
import io.airlog.verify.Difference.Side;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogComparisonTest {
    @TempDir
    Path dir;

    private static List<AuditEvent> chain(String logId, int n) {
        List<AuditEvent> events = new ArrayList<>();
        ChainPosition head = ChainPosition.EMPTY;
        for (int i = 0; i < n; i++) {
            AuditEvent e = AuditDraft.builder("act" + i).put("i", i).build()
                    .seal(logId, head.nextSequence(), head.lastChecksum());
            events.add(e);
            head = e.position();
        }
        return events;
    }

    /** The event with another action and its old checksum, as an edit in storage leaves it. */
    private static AuditEvent edited(AuditEvent e) {
        return new AuditEvent(e.eventId(), e.logId(), e.sequence(), e.timestamp(), "edited", e.principal(),
                e.resource(), e.resourceId(), e.outcome(), e.correlationId(), e.context(), e.previousChecksum(),
                e.checksum());
    }

    private static ComparisonReport compare(List<AuditEvent> left, List<AuditEvent> right) {
        try (LogSource l = LogSource.ofEvents("left", left.stream());
             LogSource r = LogSource.ofEvents("right", right.stream())) {
            return LogComparison.compare("log", l, r);
        }
    }

    private static Difference difference(DifferenceKind kind, Side side, long first, long last) {
        return new Difference(kind, side, first, last, 0, "held only by the other store");
    }

    @Test
    void identicalCopiesReportNothing() {
        List<AuditEvent> events = chain("log", 20);

        ComparisonReport report = compare(events, new ArrayList<>(events));

        assertThat(report.identical()).isTrue();
        assertThat(report.matched()).isEqualTo(20);
        assertThat(report.leftRead()).isEqualTo(20);
        assertThat(report.summary()).isEqualTo("log 'log' identical in 'left' and 'right': 20 events");
    }

    @Test
    void eventDeletedOnOneSideIsMissingThereAtItsSequence() {
        List<AuditEvent> events = chain("log", 10);
        List<AuditEvent> right = new ArrayList<>(events);
        right.remove(3);

        assertThat(compare(events, right).differences()).containsExactly(
                difference(DifferenceKind.MISSING, Side.RIGHT, 4, 4));
        assertThat(compare(right, events).differences()).containsExactly(
                difference(DifferenceKind.MISSING, Side.LEFT, 4, 4));
    }

    @Test
    void consecutiveMissingSequencesAreOneRange() {
        List<AuditEvent> events = chain("log", 10);
        List<AuditEvent> right = new ArrayList<>(events.subList(0, 4));
        right.addAll(events.subList(7, 10));

        assertThat(compare(events, right).differences()).containsExactly(
                difference(DifferenceKind.MISSING, Side.RIGHT, 5, 7));
    }

    @Test
    void extraEventsAtTheEndOfOneSideAreMissingOnTheOther() {
        List<AuditEvent> events = chain("log", 10);

        ComparisonReport report = compare(events.subList(0, 8), events);

        assertThat(report.differences()).containsExactly(difference(DifferenceKind.MISSING, Side.LEFT, 9, 10));
        assertThat(report.matched()).isEqualTo(8);
    }

    @Test
    void eventEditedOnOneSideIsDifferentAndTheDetailNamesTheSide() {
        List<AuditEvent> events = chain("log", 10);
        List<AuditEvent> left = new ArrayList<>(events);
        left.set(5, edited(events.get(5)));

        assertThat(compare(left, events).differences()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DifferenceKind.DIFFERENT);
            assertThat(d.firstSequence()).isEqualTo(6);
            assertThat(d.detail()).isEqualTo("the left event does not match its own checksum (changed there)");
        });
    }

    @Test
    void twoIntactButDifferentEventsAtOneSequenceAreDifferent() {
        List<AuditEvent> events = chain("log", 3);
        List<AuditEvent> fork = new ArrayList<>(events.subList(0, 2));
        fork.add(AuditDraft.builder("forged").build().seal("log", 3, events.get(1).checksum()));

        assertThat(compare(events, fork).differences()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DifferenceKind.DIFFERENT);
            assertThat(d.side()).isEqualTo(Side.BOTH);
            assertThat(d.firstSequence()).isEqualTo(3);
            assertThat(d.detail()).startsWith("two different intact events");
        });
    }

    @Test
    void oneDeletedOneChangedAndOneExtraOnEitherSideAreEachReportedAtTheirSequence() {
        List<AuditEvent> events = chain("log", 30);
        List<AuditEvent> left = new ArrayList<>(events);
        List<AuditEvent> right = new ArrayList<>(events);
        left.add(AuditDraft.builder("extra-left").build().seal("log", 31, events.get(29).checksum()));
        left.set(19, edited(events.get(19)));
        left.remove(4);
        right.set(24, edited(events.get(24)));
        right.remove(9);
        right.add(0, events.get(0));

        List<String> found = compare(left, right).differences().stream()
                .map(d -> d.kind() + " " + d.side() + " " + d.firstSequence() + ".." + d.lastSequence()).toList();

        assertThat(found).containsExactly("OUT_OF_ORDER RIGHT 1..1", "MISSING LEFT 5..5", "MISSING RIGHT 10..10",
                "DIFFERENT BOTH 20..20", "DIFFERENT BOTH 25..25", "MISSING RIGHT 31..31");
    }

    @Test
    void jsonLinesFileIsComparedWithAReaderIncludingItsUnreadableAndForeignLines() throws Exception {
        InMemoryAuditStream stream = InMemoryAuditStream.of("log");
        for (int i = 0; i < 5; i++) {
            stream.record(AuditDraft.builder("act" + i));
        }
        List<String> lines = new ArrayList<>();
        stream.events().forEach(e -> lines.add(EventJson.toJson(e)));
        lines.add(2, "{not json");
        lines.add(EventJson.toJson(chain("other", 1).get(0)));
        Path file = dir.resolve("log.jsonl");
        Files.write(file, lines);

        ComparisonReport report;
        try (LogSource database = LogSource.of("memory", stream); LogSource archive = JsonLinesReader.source(file)) {
            report = LogComparison.compare("log", database, archive);
        }

        assertThat(report.matched()).isEqualTo(5);
        assertThat(report.rightRead()).isEqualTo(7);
        assertThat(report.differences()).extracting(Difference::kind, Difference::side, Difference::position)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(DifferenceKind.UNREADABLE, Side.RIGHT, 3L),
                        org.assertj.core.groups.Tuple.tuple(DifferenceKind.FOREIGN, Side.RIGHT, 7L));
        assertThat(report.describe(report.differences().get(1))).isEqualTo(
                "FOREIGN in '" + file + "' at sequence 1: an event of log 'other'");
    }

    @Test
    void checkpointLinesOfASignedFileAreNoEventsOfTheComparison() throws Exception {
        Path file = dir.resolve("signed.jsonl");
        InMemoryAuditStream copy = InMemoryAuditStream.of("log");
        try (JsonLinesAuditStream signed = JsonLinesAuditStream.builder(file, "log")
                .signer(SigningKeys.generate("audit.example")).checkpointInterval(Duration.ZERO).build()) {
            for (int i = 0; i < 3; i++) {
                copy.record(signed.record(AuditDraft.builder("act" + i)).toDraft());
            }
        }
        assertThat(Files.readAllLines(file)).anyMatch(line -> line.startsWith("{\"checkpoint\""));

        ComparisonReport report;
        try (LogSource memory = LogSource.of("memory", copy); LogSource archive = JsonLinesReader.source(file)) {
            report = LogComparison.compare("log", memory, archive);
        }

        assertThat(report.differences()).isEmpty();
        assertThat(report.matched()).isEqualTo(3);
    }

    @Test
    void readerSourceReadsPastOnePage() {
        InMemoryAuditStream stream = InMemoryAuditStream.of("log");
        for (int i = 0; i < LogSource.PAGE * 2 + 5; i++) {
            stream.record(AuditDraft.builder("act"));
        }

        ComparisonReport report;
        try (LogSource a = LogSource.of("a", stream); LogSource b = LogSource.ofEvents("b", stream.events().stream())) {
            report = LogComparison.compare("log", a, b);
        }

        assertThat(report.identical()).isTrue();
        assertThat(report.matched()).isEqualTo(LogSource.PAGE * 2 + 5);
    }

    @Test
    void sourcesAreReadInStepWithoutCollectingThem() {
        long size = 200_000;
        Stream<AuditEvent> generated = Stream.iterate(AuditDraft.builder("a").build().seal("log", 1, ChainPosition.GENESIS),
                e -> AuditDraft.builder("a").build().seal("log", e.sequence() + 1, e.checksum())).limit(size);
        List<AuditEvent> firstTwo = chain("log", 2);

        ComparisonReport report;
        try (LogSource a = LogSource.ofEvents("generated", generated);
             LogSource b = LogSource.ofEvents("short", firstTwo.stream())) {
            report = LogComparison.compare("log", a, b);
        }

        assertThat(report.leftRead()).isEqualTo(size);
        assertThat(report.differences()).hasSize(2).last()
                .isEqualTo(difference(DifferenceKind.MISSING, Side.RIGHT, 3, size));
    }
}
