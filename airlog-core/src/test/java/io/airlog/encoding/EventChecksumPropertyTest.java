package io.airlog.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlog.AuditDraft;
import io.airlog.AuditEvent;
import io.airlog.AuthMethod;
import io.airlog.ChainPosition;
import io.airlog.Outcome;
import io.airlog.Principal;
import io.airlog.internal.EventEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of sealing over random drafts: every field is in the checksum, awkward text
 * survives, bad text is refused naming the field. Seeded like {@link CanonicalJsonPropertyTest}.
 */
class EventChecksumPropertyTest {

    static LongStream seeds() {
        return LongStream.range(0, 200);
    }

    /** A random sealed-ready event: its draft plus log id, sequence and previous checksum. */
    private record Sealable(AuditDraft draft, String logId, long sequence, String previous) {
        AuditEvent seal() {
            return draft.seal(logId, sequence, previous);
        }
    }

    private static String text(RandomJson gen, int maxPieces) {
        String s;
        do {
            s = gen.string(maxPieces);
        } while (s.isBlank());
        return s;
    }

    private static String optional(RandomJson gen) {
        int pick = gen.random().nextInt(4);
        return pick == 0 ? null : pick == 1 ? "" : text(gen, 3);
    }

    private static Sealable randomEvent(RandomJson gen) {
        Random r = gen.random();
        Instant time = Instant.ofEpochSecond(0, r.nextLong());
        Principal who = new Principal(text(gen, 6), AuthMethod.values()[r.nextInt(AuthMethod.values().length)],
                gen.object(2));
        AuditDraft draft = new AuditDraft(new UUID(r.nextLong(), r.nextLong()), time, text(gen, 6), who,
                optional(gen), optional(gen), Outcome.values()[r.nextInt(Outcome.values().length)],
                optional(gen), gen.object(3));
        String previous = r.nextBoolean() ? ChainPosition.GENESIS : EventEncoder.hex(randomBytes(r, 32));
        return new Sealable(draft, text(gen, 4), 1 + (r.nextLong() >>> 1) % Long.MAX_VALUE, previous);
    }

    private static byte[] randomBytes(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    private static String other(String s, RandomJson gen) {
        if (s == null) {
            return gen.random().nextBoolean() ? "" : text(gen, 3);
        }
        return s.isEmpty() ? null : s + "\u0001";
    }

    private static Map<String, Object> plus(Map<String, Object> map, String key) {
        Map<String, Object> copy = new LinkedHashMap<>(map);
        copy.put(key, copy.containsKey(key) ? List.of(copy.get(key)) : null);
        return copy;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void changingAnySingleFieldChangesTheChecksum(long seed) {
        RandomJson gen = new RandomJson(new Random(seed));
        Sealable base = randomEvent(gen);
        AuditDraft d = base.draft();
        Principal p = d.principal();
        Map<String, Function<Sealable, Sealable>> changes = new LinkedHashMap<>();
        changes.put("logId", s -> new Sealable(d, s.logId() + "x", s.sequence(), s.previous()));
        changes.put("sequence", s -> new Sealable(d, s.logId(), s.sequence() == Long.MAX_VALUE ? 1 : s.sequence() + 1,
                s.previous()));
        changes.put("previousChecksum", s -> new Sealable(d, s.logId(), s.sequence(),
                s.previous().equals(ChainPosition.GENESIS) ? "1" + s.previous().substring(1) : ChainPosition.GENESIS));
        changes.put("eventId", s -> with(s, new AuditDraft(new UUID(d.eventId().getMostSignificantBits(),
                d.eventId().getLeastSignificantBits() ^ 1), d.timestamp(), d.action(), p, d.resource(),
                d.resourceId(), d.outcome(), d.correlationId(), d.context())));
        changes.put("timestamp", s -> with(s, new AuditDraft(d.eventId(), d.timestamp().equals(AuditDraft.MAX_TIMESTAMP)
                ? d.timestamp().minusNanos(1) : d.timestamp().plusNanos(1), d.action(), p, d.resource(),
                d.resourceId(), d.outcome(), d.correlationId(), d.context())));
        changes.put("action", s -> with(s, d.withAction(d.action() + "\u0001")));
        changes.put("principal.subject", s -> with(s, d.withPrincipal(new Principal(p.subject() + "\u0001",
                p.authMethod(), p.metadata()))));
        changes.put("principal.authMethod", s -> with(s, d.withPrincipal(new Principal(p.subject(),
                AuthMethod.values()[(p.authMethod().ordinal() + 1) % AuthMethod.values().length], p.metadata()))));
        changes.put("principal.metadata", s -> with(s, d.withPrincipal(p.withMetadata(plus(p.metadata(), "m")))));
        changes.put("resource", s -> with(s, d.withResource(other(d.resource(), gen), d.resourceId())));
        changes.put("resourceId", s -> with(s, d.withResource(d.resource(), other(d.resourceId(), gen))));
        changes.put("outcome", s -> with(s, d.withOutcome(Outcome.values()[(d.outcome().ordinal() + 1) % 3])));
        changes.put("correlationId", s -> with(s, d.withCorrelationId(other(d.correlationId(), gen))));
        changes.put("context", s -> with(s, d.withContext(plus(d.context(), "c"))));

        String reference = base.seal().checksum();
        assertThat(base.seal().checksum()).isEqualTo(reference);
        changes.forEach((field, change) ->
                assertThat(change.apply(base).seal().checksum()).as("changed %s", field).isNotEqualTo(reference));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parseObject(String json) {
        return (Map<String, Object>) CanonicalJson.parse(json);
    }

    private static Sealable with(Sealable s, AuditDraft draft) {
        return new Sealable(draft, s.logId(), s.sequence(), s.previous());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void awkwardTextIsEncodedAsItsOwnUtf8BytesAndTheEventVerifies(long seed) {
        RandomJson gen = new RandomJson(new Random(seed));
        String awkward = text(gen, 4); // at most 4 x 29 UTF-8 bytes: within every limit, logId's 128 too
        AuditEvent event = randomEvent(gen).draft().withResource(awkward, awkward).withCorrelationId(awkward)
                .withAction(awkward).seal(awkward, 1, ChainPosition.GENESIS);
        byte[] utf8 = awkward.getBytes(StandardCharsets.UTF_8);
        String field = String.format("01%08x", utf8.length) + EventEncoder.hex(utf8);

        assertThat(event.verify()).isTrue();
        assertThat(EventEncoder.hex(event.canonicalBytes())).contains(field);
        AuditEvent copy = new AuditEvent(event.eventId(), event.logId(), event.sequence(), event.timestamp(),
                event.action(), event.principal(), event.resource(), event.resourceId(), event.outcome(),
                event.correlationId(), parseObject(event.contextJson()),
                event.previousChecksum(), event.checksum());
        assertThat(copy.verify()).isTrue();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void badTextInAnyStringFieldIsRejectedNamingTheField(long seed) {
        RandomJson gen = new RandomJson(new Random(seed));
        AuditDraft d = randomEvent(gen).draft();
        String bad = gen.badString();
        String[] fields = {"action", "principal.subject", "resource", "resourceId", "correlationId",
            "principal.metadata", "context"};
        String field = fields[gen.random().nextInt(fields.length)];

        assertThatThrownBy(() -> {
            switch (field) {
                case "action" -> d.withAction("a" + bad);
                case "principal.subject" -> d.withPrincipal(Principal.of("s" + bad, AuthMethod.OTHER));
                case "resource" -> d.withResource(bad, null);
                case "resourceId" -> d.withResource(null, bad);
                case "correlationId" -> d.withCorrelationId(bad);
                case "principal.metadata" -> d.withPrincipal(d.principal().withMetadata(Map.of("k", List.of(bad))));
                default -> d.withContextValue(bad, 1);
            }
        }).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(field)
                .hasMessageMatching("(?s).*(U\\+0000|unpaired surrogate).*");
    }
}
