package io.airlog.encoding;

import io.airlog.AuditDraft;
import io.airlog.AuditEvent;
import io.airlog.AuditLimits;
import io.airlog.AuthMethod;
import io.airlog.ChainPosition;
import io.airlog.Outcome;
import io.airlog.Principal;
import io.airlog.internal.EventEncoder;
import io.airlog.internal.JsonReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes {@code golden-v1.json}, the frozen test vectors of canonical encoding v1
 * (docs/encoding.md). Run once when the vectors were made; the file is committed and must
 * never change for v1. The expected bytes come from the Java implementation and were checked
 * independently by {@code docs/encoding-vectors.py}.
 *
 * <pre>java -cp target/classes:target/test-classes:&lt;jackson-core&gt;:&lt;jcs&gt; \
 *     io.airlog.encoding.GoldenVectorGenerator src/test/resources/io/airlog/encoding/golden-v1.json</pre>
 *
 * <p>JSON texts below are written with JSON escapes ({@code \\u...}) so that the file stays
 * ASCII; context and metadata are written as given, deliberately not canonical (unsorted
 * keys, numbers such as {@code 4.50} and {@code 1E21}), to exercise canonicalisation.
 */
public final class GoldenVectorGenerator {
    private static final String GENESIS = ChainPosition.GENESIS;
    private static final long T = 1_795_862_130_123_456_789L; // 2026-11-28T10:35:30.123456789Z

    private final List<Vector> valid = new ArrayList<>();
    private final List<Vector> rejected = new ArrayList<>();
    private final Map<String, AuditEvent> sealed = new HashMap<>();

    private GoldenVectorGenerator() {
    }

    /** Writes the vectors to the path given as the only argument. */
    public static void main(String[] args) throws IOException {
        GoldenVectorGenerator g = new GoldenVectorGenerator();
        g.validCases();
        g.rejectedCases();
        Files.writeString(Path.of(args[0]), g.render(), StandardCharsets.US_ASCII);
    }

    /** One case: the event fields as the file holds them (JSON texts for the JSON fields). */
    private static final class Vector {
        String name;
        String description;
        String logId = "orders";
        String sequence = "1";
        String eventId;
        String timestamp = Long.toString(T);
        String action = "document.update";
        String subject = "alice";
        String authMethod = "PASSWORD";
        String metadata = "{}";
        String resource = "Document";
        String resourceId = "42";
        String outcome = "SUCCESS";
        String correlationId = "req-1";
        String context = "{}";
        String previousChecksum = GENESIS;
        String follows;
        String rejectedField;

        Vector(String name, String description) {
            this.name = name;
            this.description = description;
            this.eventId = uuidFor(name).toString();
        }
    }

    private Vector add(String name, String description) {
        Vector v = new Vector(name, description);
        valid.add(v);
        return v;
    }

    private Vector reject(String name, String field, String description) {
        Vector v = new Vector(name, description);
        v.rejectedField = field;
        rejected.add(v);
        return v;
    }

    private void validCases() {
        Vector v;

        v = add("minimal-anonymous", "The anonymous principal (subject \"anonymous\", NONE, no metadata), every"
                + " optional string absent, empty context, first event of its log.");
        v.logId = "health";
        v.action = "health.check";
        v.subject = "anonymous";
        v.authMethod = "NONE";
        v.resource = null;
        v.resourceId = null;
        v.correlationId = null;

        v = add("worked-example", "The example that docs/encoding.md takes apart byte by byte.");
        v.logId = "demo";
        v.eventId = "3d7e5b1c-9f2a-4c68-b0e1-5a4f3c2d1e0f";
        v.timestamp = "1795862130123456789";
        v.metadata = "{\"roles\": [\"editor\"]}";
        v.correlationId = "req-7";
        v.context = "{\"size\": 1024, \"changed\": [\"title\"]}";

        v = add("chained-second-event", "Follows worked-example: sequence 2, previousChecksum = its checksum.");
        v.logId = "demo";
        v.sequence = "2";
        v.timestamp = "1795862130987654321";
        v.action = "document.read";
        v.metadata = "{\"roles\": [\"editor\"]}";
        v.correlationId = "req-8";
        v.follows = "worked-example";

        v = add("same-fields-other-log", "worked-example's fields in another log: the log id is part of the bytes.");
        v.logId = "demo-b";
        v.eventId = "3d7e5b1c-9f2a-4c68-b0e1-5a4f3c2d1e0f";
        v.timestamp = "1795862130123456789";
        v.metadata = "{\"roles\": [\"editor\"]}";
        v.correlationId = "req-7";
        v.context = "{\"size\": 1024, \"changed\": [\"title\"]}";

        v = add("optional-strings-empty", "resource, resourceId and correlationId present but empty (0x01 00000000).");
        v.resource = "";
        v.resourceId = "";
        v.correlationId = "";

        v = add("optional-strings-absent", "As optional-strings-empty, but the three strings are absent (0x00).");
        v.resource = null;
        v.resourceId = null;
        v.correlationId = null;

        v = add("resource-absent-id-empty", "resource absent, resourceId empty, correlationId empty.");
        v.authMethod = "SESSION";
        v.resource = null;
        v.resourceId = "";
        v.correlationId = "";

        v = add("resource-empty-id-absent", "resource empty, resourceId absent, correlationId absent.");
        v.authMethod = "SESSION";
        v.resource = "";
        v.resourceId = null;
        v.correlationId = null;

        v = add("empty-context-and-metadata", "A system principal with empty metadata and an empty context.");
        v.action = "report.nightly";
        v.subject = "scheduler";
        v.authMethod = "SYSTEM";
        v.metadata = "{}";
        v.context = "{}";
        v.resource = "Report";
        v.resourceId = null;

        v = add("non-bmp-everywhere", "Emoji (U+1F600, U+1F4A9) and CJK Extension B (U+20000, U+2A6D6) in every"
                + " string field, in metadata and context keys and values.");
        v.logId = "log-\uD83D\uDE00-\uD840\uDC00";
        v.action = "\uD83D\uDCA9.upload";
        v.subject = "\uD840\uDC00\uD869\uDED6";
        v.authMethod = "OIDC";
        v.metadata = "{\"\\ud840\\udc00\": \"\\ud83d\\ude00\", \"name\": \"\\ud869\\uded6\"}";
        v.resource = "\uD83D\uDE00Doc";
        v.resourceId = "id-\uD869\uDED6";
        v.correlationId = "\uD83D\uDCA9";
        v.context = "{\"\\ud83d\\ude00\": [\"\\ud840\\udc00\", {\"\\ud869\\uded6\": \"\\ud83d\\udca9\"}]}";

        v = add("key-order-utf16-not-code-points", "Keys sorted by UTF-16 code units: U+1F600 and U+20000"
                + " (surrogates D83D, D840) come before U+E000, U+FB33, U+FF61, although their code points are"
                + " larger; sorting by code points or UTF-8 bytes gives another order.");
        v.authMethod = "SAML";
        v.metadata = "{\"\\uff61\": 1, \"\\ud840\\udc00\": 2, \"\\ue000\": 3}";
        v.context = "{\"\\ufb33\": \"FB33\", \"\\ue000\": \"E000\", \"\\ud840\\udc00\": \"20000\","
                + " \"\\uff61\": \"FF61\", \"\\ud83d\\ude00\": \"1F600\", \"z\": \"7A\", \"\\u00e9\": \"E9\"}";

        v = add("rfc8785-sorting-example", "The property-sorting example of RFC 8785 section 3.2.3 as context.");
        v.authMethod = "KERBEROS";
        v.context = "{\"\\u20ac\": \"Euro Sign\", \"\\r\": \"Carriage Return\","
                + " \"\\ufb33\": \"Hebrew Letter Dalet With Dagesh\", \"1\": \"One\","
                + " \"\\ud83d\\ude00\": \"Emoji: Grinning Face\", \"\\u0080\": \"Control\","
                + " \"\\u00f6\": \"Latin Small Letter O With Diaeresis\"}";

        v = add("nested-maps-and-lists", "Objects in lists in objects; empty object and list inside; keys that"
                + " are prefixes of each other; list order is kept.");
        v.authMethod = "API_KEY";
        v.subject = "svc-billing";
        v.metadata = "{\"scopes\": [\"write\", \"read\"], \"key\": {\"id\": \"k-1\", \"created\": \"2026-01-01\"}}";
        v.context = "{\"b\": [3, {\"z\": 1, \"a\": 2}, [], {}], \"a\": {\"y\": {\"ab\": 1, \"a\": 2, \"b\": [[\"x\"]]}},"
                + " \"aa\": [], \"\": {}}";

        StringBuilder deep = new StringBuilder("{\"d\": ");
        for (int i = 2; i < AuditLimits.DEPTH; i++) {
            deep.append(i % 2 == 0 ? "[" : "{\"d\": ");
        }
        deep.append("[\"bottom\"]");
        for (int i = AuditLimits.DEPTH - 1; i >= 2; i--) {
            deep.append(i % 2 == 0 ? "]" : "}");
        }
        deep.append("}");
        v = add("nesting-depth-32", "Context nested exactly 32 levels deep (the context object is level 1),"
                + " the most AuditLimits.DEPTH allows.");
        v.authMethod = "OTHER";
        v.context = deep.toString();

        v = add("large-integers", "Integers at and beyond 2^53. 2^53 and -2^53 stay integers; 2^60 is a double"
                + " whose RFC 8785 text is 1152921504606847000 (given here in that form and as 1.152921504606847e18);"
                + " 1.0 and -0 normalise to 1 and 0.");
        v.authMethod = "CERTIFICATE";
        v.context = "{\"twoTo53\": 9007199254740992, \"minusTwoTo53\": -9007199254740992,"
                + " \"twoTo53Minus1\": 9007199254740991, \"twoTo60\": 1152921504606847000,"
                + " \"twoTo60Exp\": 1.152921504606847e18, \"twoTo68\": 295147905179352830000,"
                + " \"oneE21\": 1E21, \"oneDotZero\": 1.0, \"minusZero\": -0, \"minusZeroDouble\": -0.0}";

        v = add("decimals", "Decimals whose exact value survives RFC 8785: 0.1, 1e-7, 1e21, 5e-324 (smallest"
                + " subnormal), 1.7976931348623157e308 (largest double), and RFC 8785 section 3.2.2 / Appendix B"
                + " values written in other forms (4.50, 2e-3, 1E30, 0.000001).");
        v.authMethod = "JWT";
        v.context = "{\"a\": 0.1, \"b\": 1e-7, \"c\": 1e21, \"d\": 5e-324, \"e\": 1.7976931348623157e308,"
                + " \"f\": -1.7976931348623157E+308, \"g\": 4.50, \"h\": 2e-3, \"i\": 1E30, \"j\": 0.000001,"
                + " \"k\": 9.999999999999997e-7, \"l\": 333333333.3333333, \"m\": -0.0000033333333333333333,"
                + " \"n\": 1e23, \"o\": 1.0000000000000001e+23, \"p\": 999999999999999700000, \"q\": 0.5e-6,"
                + " \"r\": 1424953923781206.2, \"s\": -5e-324, \"t\": 123.456}";

        v = add("json-null-and-literals", "JSON null, true and false inside context and metadata.");
        v.authMethod = "OAUTH2";
        v.metadata = "{\"tenant\": null, \"mfa\": true}";
        v.context = "{\"a\": null, \"b\": [null, true, false], \"c\": {\"d\": null}, \"e\": false}";

        v = add("escapes-in-json-strings", "RFC 8785 string escapes: \\b \\t \\n \\f \\r, other controls as"
                + " lowercase \\u00xx, quote and backslash escaped; '/', U+007F, U+0080, U+2028, U+2029, U+FEFF"
                + " written as themselves; also in keys.");
        v.authMethod = "PASSWORD";
        v.context = "{\"controls\": \"\\u0001\\u0007\\b\\t\\n\\u000b\\f\\r\\u000e\\u001f\","
                + " \"quote\": \"say \\\"hi\\\"\", \"backslash\": \"C:\\\\dir\\\\\", \"slash\": \"a\\/b\","
                + " \"del\": \"\\u007f\", \"c1\": \"\\u0080\\u009f\", \"separators\": \"\\u2028\\u2029\","
                + " \"bom\": \"\\ufeff\", \"\\t\\u0001key\\\"\": \"escaped key\", \"latin\": \"\\u00e9\\u00fc\"}";

        v = add("control-characters-in-plain-fields", "Plain string fields are raw UTF-8, not JSON: tab,"
                + " newline, quote, backslash, U+007F, U+001F and U+2028 appear as their own bytes.");
        v.action = "a\tb\nc";
        v.resourceId = "quote\" backslash\\ del\u007F";
        v.correlationId = "\u2028x\u001F";

        v = add("sql-metacharacters", "SQL metacharacters are just characters.");
        v.authMethod = "API_KEY";
        v.subject = "robert'); DROP TABLE students;--";
        v.resource = "audit_event";
        v.resourceId = "1' OR '1'='1";
        v.correlationId = "%_\\;--/*";
        v.context = "{\"q\": \"' OR 1=1 --\", \"like\": \"%_[]\", \"semi\": \";\"}";

        v = add("maximum-length-ascii", "logId 128, action 256, subject 256, resource 256, resourceId 256,"
                + " correlationId 128 bytes: every string field at its AuditLimits maximum.");
        v.logId = "l".repeat(AuditLimits.LOG_ID);
        v.action = "a".repeat(AuditLimits.ACTION);
        v.subject = "s".repeat(AuditLimits.SUBJECT);
        v.resource = "r".repeat(AuditLimits.RESOURCE);
        v.resourceId = "i".repeat(AuditLimits.RESOURCE_ID);
        v.correlationId = "c".repeat(AuditLimits.CORRELATION_ID);

        v = add("maximum-length-multibyte", "The same limits reached with 2-, 3- and 4-byte UTF-8 characters:"
                + " limits count UTF-8 bytes, not characters or UTF-16 units.");
        v.logId = "\u20AC".repeat(42) + "ab";
        v.action = "\u00E9".repeat(128);
        v.subject = "\uD840\uDC00".repeat(64);
        v.resource = "\uD83D\uDE00".repeat(64);
        v.resourceId = "\u20AC".repeat(85) + "a";
        v.correlationId = "\uD83D\uDE00".repeat(32);

        String metaFill = "\\ud840\\udc00".repeat(100) + "x".repeat(AuditLimits.METADATA - 11 - 400);
        v = add("maximum-metadata", "Principal metadata whose canonical JSON is exactly 8192 UTF-8 bytes.");
        v.authMethod = "OIDC";
        v.metadata = "{\"note\": \"" + metaFill + "\"}";

        String contextFill = "\\ud83d\\ude00".repeat(100) + "\\u00e9".repeat(100) + "\\n"
                + "x".repeat(AuditLimits.CONTEXT - 11 - 400 - 200 - 2);
        v = add("maximum-context", "Context whose canonical JSON is exactly 65536 UTF-8 bytes (emoji, e-acute,"
                + " one escaped newline counted as its two bytes \\n).");
        v.context = "{\"blob\": \"" + contextFill + "\"}";

        v = add("sequence-max-int64", "Sequence 2^63-1, the largest the encoding holds.");
        v.sequence = Long.toString(Long.MAX_VALUE);
        v.previousChecksum = "ab".repeat(32);

        v = add("sequence-2-to-the-32", "Sequence 2^32: catches 32-bit truncation.");
        v.sequence = Long.toString(1L << 32);
        v.previousChecksum = "0123456789abcdef".repeat(4);

        v = add("timestamp-min", "The earliest encodable instant, -2^63 ns = 1677-09-21T00:12:43.145224192Z.");
        v.timestamp = Long.toString(Long.MIN_VALUE);

        v = add("timestamp-max", "The latest encodable instant, 2^63-1 ns = 2262-04-11T23:47:16.854775807Z.");
        v.timestamp = Long.toString(Long.MAX_VALUE);

        v = add("timestamp-before-epoch", "1969-12-31T23:59:59.999999999Z = -1 ns (two's complement).");
        v.timestamp = "-1";

        v = add("timestamp-epoch", "1970-01-01T00:00:00Z = 0 ns.");
        v.timestamp = "0";

        v = add("timestamp-nanosecond-precision", "2026-11-28T10:35:30.000000001Z: the last digit counts.");
        v.timestamp = "1795862130000000001";

        v = add("outcome-failure", "Outcome FAILURE with the exception type in context.");
        v.authMethod = "CERTIFICATE";
        v.outcome = "FAILURE";
        v.context = "{\"exception\": \"java.lang.IllegalStateException\", \"durationMicros\": 1523}";

        v = add("outcome-denied", "Outcome DENIED.");
        v.authMethod = "JWT";
        v.outcome = "DENIED";
        v.context = "{\"reason\": \"missing role admin\"}";

        v = add("uuid-nil", "Event id 00000000-0000-0000-0000-000000000000.");
        v.eventId = "00000000-0000-0000-0000-000000000000";

        v = add("uuid-max", "Event id ffffffff-ffff-ffff-ffff-ffffffffffff (both halves negative as signed).");
        v.eventId = "ffffffff-ffff-ffff-ffff-ffffffffffff";

        v = add("previous-checksum-not-genesis", "A mid-chain event: sequence 1000 after some checksum.");
        v.sequence = "1000";
        v.authMethod = "OAUTH2";
        v.previousChecksum = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

        v = add("unicode-composed", "U+00E9 (precomposed e-acute): no Unicode normalisation is applied...");
        v.resourceId = "caf\u00E9";
        v.context = "{\"name\": \"caf\\u00e9\"}";

        v = add("unicode-decomposed", "...so 'e' + U+0301 gives other bytes and another checksum.");
        v.resourceId = "cafe\u0301";
        v.context = "{\"name\": \"cafe\\u0301\"}";

        v = add("whitespace-preserved", "Leading and trailing spaces are kept as they are.");
        v.action = "  padded action  ";
        v.subject = " bob ";
        v.resourceId = " 42 ";

        for (Vector c : valid) {
            if (c.follows != null) {
                c.previousChecksum = sealed.get(c.follows).checksum();
            }
            sealed.put(c.name, seal(c));
        }
    }

    private void rejectedCases() {
        Vector v;
        v = reject("nul-in-action", "action", "U+0000 anywhere is rejected (PostgreSQL cannot store it).");
        v.action = "read\u0000";
        v = reject("nul-in-metadata-value", "principal.metadata", "U+0000 inside a JSON string.");
        v.metadata = "{\"k\": \"a\\u0000b\"}";
        v = reject("unpaired-high-surrogate-in-context", "context", "A lone high surrogate in a JSON string.");
        v.context = "{\"note\": \"a\\ud800b\"}";
        v = reject("unpaired-low-surrogate-in-context-key", "context", "A lone low surrogate in a key.");
        v.context = "{\"\\udc00\": 1}";
        v = reject("reversed-surrogates-in-resource-id", "resourceId", "Low then high surrogate.");
        v.resourceId = "\uDE00\uD83D";
        v = reject("integer-2-to-the-60-exact", "context", "1152921504606846976 is 2^60 exactly, but RFC 8785"
                + " prints that double as 1152921504606847000: the value would change, so it is rejected.");
        v.context = "{\"n\": 1152921504606846976}";
        v = reject("integer-2-to-the-63", "context", "9223372036854775808 = 2^63 prints as"
                + " 9223372036854776000.");
        v.context = "{\"n\": 9223372036854775808}";
        v = reject("integer-2-to-the-53-plus-1", "context", "9007199254740993 is no double.");
        v.context = "{\"n\": 9007199254740993}";
        v = reject("decimal-not-exact", "context", "0.1000000000000000000001 prints as 0.1.");
        v.context = "{\"n\": 0.1000000000000000000001}";
        v = reject("decimal-too-many-digits", "principal.metadata", "333333333.33333329 (RFC 8785 section 3.2.2"
                + " sample) prints as 333333333.3333333.");
        v.metadata = "{\"n\": 333333333.33333329}";
        v = reject("number-overflow", "context", "1e400 is beyond the largest double.");
        v.context = "{\"n\": 1e400}";
        v = reject("number-underflow", "context", "1e-400 rounds to 0.");
        v.context = "{\"n\": 1e-400}";
        StringBuilder deep = new StringBuilder();
        deep.append("{\"d\": ".repeat(AuditLimits.DEPTH)).append("1").append("}".repeat(AuditLimits.DEPTH));
        v = reject("nesting-depth-33", "context", "33 levels of objects (the context object is level 1).");
        v.context = "{\"d\": " + deep + "}";
        v = reject("action-one-byte-too-long", "action", "257 UTF-8 bytes although only 129 characters.");
        v.action = "\u00E9".repeat(128) + "a";
        v = reject("log-id-one-byte-too-long", "logId", "129 bytes.");
        v.logId = "l".repeat(AuditLimits.LOG_ID + 1);
        v = reject("subject-one-byte-too-long", "principal.subject", "257 bytes of 4-byte characters and one more.");
        v.subject = "\uD840\uDC00".repeat(64) + "s";
        v = reject("correlation-id-one-byte-too-long", "correlationId", "129 bytes.");
        v.correlationId = "c".repeat(AuditLimits.CORRELATION_ID + 1);
        v = reject("resource-one-byte-too-long", "resource", "257 bytes.");
        v.resource = "r".repeat(AuditLimits.RESOURCE + 1);
        v = reject("resource-id-one-byte-too-long", "resourceId", "257 bytes.");
        v.resourceId = "\u20AC".repeat(85) + "ab";
        v = reject("metadata-one-byte-too-long", "principal.metadata", "Canonical JSON of 8193 bytes.");
        v.metadata = "{\"note\": \"" + "x".repeat(AuditLimits.METADATA - 11 + 1) + "\"}";
        v = reject("context-one-byte-too-long", "context", "Canonical JSON of 65537 UTF-8 bytes, though of"
                + " fewer characters.");
        v.context = "{\"blob\": \"" + "\\u00e9".repeat(100) + "x".repeat(AuditLimits.CONTEXT - 11 - 200 + 1)
                + "\"}";
        v = reject("blank-action", "action", "An action of spaces only.");
        v.action = "   ";
        v = reject("empty-subject", "principal.subject", "An empty subject.");
        v.subject = "";
        v = reject("blank-log-id", "logId", "An empty log id.");
        v.logId = "";
        v = reject("sequence-zero", "sequence", "Sequences start at 1.");
        v.sequence = "0";
        v = reject("sequence-negative", "sequence", "Sequences are positive.");
        v.sequence = "-1";

        for (Vector c : rejected) {
            try {
                seal(c);
            } catch (IllegalArgumentException expected) {
                if (!expected.getMessage().contains(c.rejectedField)) {
                    throw new IllegalStateException(c.name + ": message does not name " + c.rejectedField + ": "
                            + expected.getMessage());
                }
                continue;
            }
            throw new IllegalStateException(c.name + " was accepted");
        }
    }

    private static AuditEvent seal(Vector c) {
        Map<String, Object> metadata = JsonReader.parseObject("principal.metadata", c.metadata);
        Map<String, Object> context = JsonReader.parseObject("context", c.context);
        AuditDraft draft = new AuditDraft(UUID.fromString(c.eventId),
                Instant.ofEpochSecond(0, Long.parseLong(c.timestamp)), c.action,
                new Principal(c.subject, AuthMethod.valueOf(c.authMethod), metadata), c.resource, c.resourceId,
                Outcome.valueOf(c.outcome), c.correlationId, context);
        return draft.seal(c.logId, Long.parseLong(c.sequence), c.previousChecksum);
    }

    private String render() {
        StringBuilder out = new StringBuilder();
        out.append("{\n");
        out.append("  \"format\": \"airlog canonical event encoding\",\n");
        out.append("  \"version\": 1,\n");
        out.append("  \"specification\": \"docs/encoding.md\",\n");
        out.append("  \"notes\": [\n");
        out.append("    ").append(quote("Frozen: these vectors define encoding v1 and never change.")).append(",\n");
        out.append("    ").append(quote("sequence and timestamp (epoch nanoseconds) are decimal strings holding"
                + " signed 64-bit integers; null means absent.")).append(",\n");
        out.append("    ").append(quote("metadata and context are given as JSON, deliberately not canonical;"
                + " expected.metadataJson and expected.contextJson are their RFC 8785 forms.")).append(",\n");
        out.append("    ").append(quote("canonicalBytes is lowercase hex; checksum is the lowercase hex SHA-256"
                + " of those bytes.")).append(",\n");
        out.append("    ").append(quote("Each rejected case must fail validation; field names the offending"
                + " field.")).append("\n");
        out.append("  ],\n");
        out.append("  \"cases\": [\n");
        for (int i = 0; i < valid.size(); i++) {
            Vector c = valid.get(i);
            AuditEvent e = sealed.get(c.name);
            out.append("    {\n");
            header(out, c);
            event(out, c);
            out.append(",\n      \"expected\": {\n");
            out.append("        \"metadataJson\": ").append(quote(CanonicalJson.toJson(e.principal().metadata())))
                    .append(",\n");
            out.append("        \"contextJson\": ").append(quote(e.contextJson())).append(",\n");
            out.append("        \"canonicalBytes\": \"").append(EventEncoder.hex(e.canonicalBytes())).append("\",\n");
            out.append("        \"checksum\": \"").append(e.checksum()).append("\"\n");
            out.append("      }\n");
            out.append(i + 1 < valid.size() ? "    },\n" : "    }\n");
        }
        out.append("  ],\n");
        out.append("  \"rejected\": [\n");
        for (int i = 0; i < rejected.size(); i++) {
            Vector c = rejected.get(i);
            out.append("    {\n");
            header(out, c);
            out.append("      \"field\": ").append(quote(c.rejectedField)).append(",\n");
            event(out, c);
            out.append(i + 1 < rejected.size() ? "\n    },\n" : "\n    }\n");
        }
        out.append("  ]\n");
        out.append("}\n");
        return out.toString();
    }

    private static void header(StringBuilder out, Vector c) {
        out.append("      \"name\": ").append(quote(c.name)).append(",\n");
        out.append("      \"description\": ").append(quote(c.description)).append(",\n");
        if (c.follows != null) {
            out.append("      \"follows\": ").append(quote(c.follows)).append(",\n");
        }
    }

    private static void event(StringBuilder out, Vector c) {
        out.append("      \"event\": {\n");
        out.append("        \"logId\": ").append(quote(c.logId)).append(",\n");
        out.append("        \"sequence\": ").append(quote(c.sequence)).append(",\n");
        out.append("        \"eventId\": ").append(quote(c.eventId)).append(",\n");
        out.append("        \"timestamp\": ").append(quote(c.timestamp)).append(",\n");
        out.append("        \"action\": ").append(quote(c.action)).append(",\n");
        out.append("        \"principal\": {\n");
        out.append("          \"subject\": ").append(quote(c.subject)).append(",\n");
        out.append("          \"authMethod\": ").append(quote(c.authMethod)).append(",\n");
        out.append("          \"metadata\": ").append(c.metadata).append("\n");
        out.append("        },\n");
        out.append("        \"resource\": ").append(quote(c.resource)).append(",\n");
        out.append("        \"resourceId\": ").append(quote(c.resourceId)).append(",\n");
        out.append("        \"outcome\": ").append(quote(c.outcome)).append(",\n");
        out.append("        \"correlationId\": ").append(quote(c.correlationId)).append(",\n");
        out.append("        \"context\": ").append(c.context).append(",\n");
        out.append("        \"previousChecksum\": ").append(quote(c.previousChecksum)).append("\n");
        out.append("      }");
    }

    /** A JSON string literal in ASCII: everything outside printable ASCII as a \\u escape. */
    private static String quote(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7E) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** A version-4-shaped UUID derived from the case name, so ids stay put when cases move. */
    private static UUID uuidFor(String name) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256")
                    .digest(("airlog golden v1 " + name).getBytes(StandardCharsets.UTF_8));
            long msb = 0;
            long lsb = 0;
            for (int i = 0; i < 8; i++) {
                msb = (msb << 8) | (h[i] & 0xFF);
                lsb = (lsb << 8) | (h[8 + i] & 0xFF);
            }
            msb = (msb & ~0xF000L) | 0x4000L;
            lsb = (lsb & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
            return new UUID(msb, lsb);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
