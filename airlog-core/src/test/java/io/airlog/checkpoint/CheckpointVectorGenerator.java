package io.airlog.checkpoint;

import io.airlog.internal.JsonLine;
import io.airlog.merkle.CompactRange;
import io.airlog.merkle.Digest;
import io.airlog.merkle.LeafSource;
import io.airlog.merkle.Proofs;
import io.airlog.merkle.TreeEdge;
import io.airlog.witness.FileWitness;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code golden-checkpoints.json}: test vectors of Merkle trees, compact ranges, tree
 * edges, inclusion and consistency proofs, default origins, verifier keys, signed checkpoints
 * and proof bundles (docs/checkpoints.md). Run once when the vectors were made; the file is
 * committed. The expected values come from the Java implementation and are checked
 * independently by {@code docs/checkpoint-vectors.py}, written from the specifications.
 *
 * <pre>java -cp target/classes:target/test-classes:&lt;jackson-core&gt;:&lt;jcs&gt; \
 *     io.airlog.checkpoint.CheckpointVectorGenerator src/test/resources/io/airlog/checkpoint/golden-checkpoints.json</pre>
 */
public final class CheckpointVectorGenerator {
    static final int LEAVES = 17;
    static final String ORIGIN = "airlog/app";

    private final NoteSigner key1 = TestKeys.rfc8032Test1("example.com/airlog-test");
    private final NoteSigner key2 = TestKeys.rfc8032Test2("example.com/airlog-test-2");
    private final NoteSigner go = TestKeys.goExample();
    private final List<Digest> leaves = new ArrayList<>();

    private CheckpointVectorGenerator() {
        for (int i = 0; i < LEAVES; i++) {
            leaves.add(leaf(i));
        }
    }

    /** Leaf i: SHA-256 of the ASCII text "airlog test leaf i". */
    static Digest leaf(int i) {
        return Digest.sha256(("airlog test leaf " + i).getBytes(StandardCharsets.US_ASCII));
    }

    /** Writes the vectors to the path given as the only argument. */
    public static void main(String[] args) throws IOException {
        Files.writeString(Path.of(args[0]), new CheckpointVectorGenerator().render(), StandardCharsets.US_ASCII);
    }

    private String render() {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("format", "airlog checkpoints, signed notes and Merkle proofs");
        file.put("version", 1L);
        file.put("specification", "docs/checkpoints.md");
        file.put("notes", List.of(
                "Hashes and keys in hex are lowercase; roots, tree nodes and signatures in notes are standard base64.",
                "leaves[i] is leaf i of every tree here: SHA-256 of the ASCII text 'airlog test leaf i'.",
                "Trees follow RFC 9162 section 2.1; proofs are RFC 9162 section 2.1.3.1 and 2.1.4.1.",
                "Signed notes follow C2SP signed-note with Ed25519; checkpoint bodies C2SP tlog-checkpoint.",
                "Ed25519 is deterministic: a note signed with a key's seed gives exactly the signatures here.",
                "expect is 'valid' or the reason a check rejects the note or key: MALFORMED, UNTRUSTED_KEY,"
                        + " BAD_SIGNATURE, OTHER_LOG."));
        file.put("keys", keys());
        file.put("leaves", leaves.stream().map(Digest::hex).toList());
        file.put("trees", trees());
        file.put("inclusion", inclusion());
        file.put("consistency", consistency());
        file.put("origins", origins());
        file.put("verifierKeys", verifierKeys());
        file.put("checkpoints", checkpoints());
        file.put("bundles", bundles());
        file.put("witnessFile", witnessFile());
        StringBuilder out = new StringBuilder();
        write(out, file, "");
        return out.append('\n').toString();
    }

    private List<Object> keys() {
        List<Object> keys = new ArrayList<>();
        keys.add(key(key1, TestKeys.RFC8032_TEST1_SEED, "RFC 8032 section 7.1, TEST 1"));
        keys.add(key(key2, TestKeys.RFC8032_TEST2_SEED, "RFC 8032 section 7.1, TEST 2"));
        byte[] goSeed = java.util.Base64.getDecoder().decode(TestKeys.GO_EXAMPLE_SIGNER_KEY.split("\\+", 5)[4]);
        keys.add(key(go, java.util.Arrays.copyOfRange(goSeed, 1, goSeed.length),
                "the example of Go's golang.org/x/mod/sumdb/note"));
        return keys;
    }

    private static Map<String, Object> key(NoteSigner signer, byte[] seed, String source) {
        Map<String, Object> k = new LinkedHashMap<>();
        k.put("name", signer.keyName());
        k.put("source", source);
        k.put("seed", HexFormat.of().formatHex(seed));
        k.put("publicKey", HexFormat.of().formatHex(signer.verifierKey().publicKey()));
        k.put("keyId", signer.verifierKey().keyIdHex());
        k.put("verifierKey", signer.verifierKey().encode());
        return k;
    }

    private List<Object> trees() {
        List<Object> trees = new ArrayList<>();
        for (int n = 0; n <= LEAVES; n++) {
            TreeEdge edge = TreeEdge.of(leaves.subList(0, n));
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("size", (long) n);
            t.put("root", edge.root().base64());
            t.put("range", edge.range().encode());
            t.put("edge", edge.encode());
            trees.add(t);
        }
        return trees;
    }

    private List<Object> inclusion() {
        List<Object> out = new ArrayList<>();
        List<int[]> pairs = new ArrayList<>();
        for (int n = 1; n <= 8; n++) {
            for (int i = 0; i < n; i++) {
                pairs.add(new int[] {i, n});
            }
        }
        pairs.addAll(List.of(new int[] {0, 17}, new int[] {8, 17}, new int[] {13, 17}, new int[] {16, 17}));
        for (int[] p : pairs) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("index", (long) p[0]);
            m.put("treeSize", (long) p[1]);
            m.put("path", base64(Proofs.inclusion(p[0], p[1], LeafSource.of(leaves)).path()));
            out.add(m);
        }
        return out;
    }

    private List<Object> consistency() {
        List<Object> out = new ArrayList<>();
        List<int[]> pairs = new ArrayList<>();
        for (int n = 0; n <= 8; n++) {
            for (int m = 0; m <= n; m++) {
                pairs.add(new int[] {m, n});
            }
        }
        pairs.addAll(List.of(new int[] {1, 17}, new int[] {8, 17}, new int[] {13, 17}, new int[] {16, 17},
                new int[] {17, 17}));
        for (int[] p : pairs) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("oldSize", (long) p[0]);
            m.put("newSize", (long) p[1]);
            m.put("path", base64(Proofs.consistency(p[0], p[1], LeafSource.of(leaves)).path()));
            out.add(m);
        }
        return out;
    }

    private static List<Object> origins() {
        List<Object> out = new ArrayList<>();
        for (String logId : List.of("payments", "a b+c/d", "caf\u00e9", "app.v2~x_y-z", "\ud83d\ude00")) {
            out.add(Map.of("logId", logId, "origin", Checkpoint.defaultOrigin(logId)));
        }
        return out;
    }

    private List<Object> verifierKeys() {
        String good = key1.verifierKey().encode();
        String name = key1.keyName();
        String id = key1.verifierKey().keyIdHex();
        byte[] raw = key1.verifierKey().publicKey();
        byte[] typed = new byte[33];
        System.arraycopy(raw, 0, typed, 1, 32);
        typed[0] = 2;
        String wrongType = java.util.Base64.getEncoder().encodeToString(typed);
        String shortKey = java.util.Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(typed, 32));
        List<Object> out = new ArrayList<>();
        out.add(vk("trusted key", good, true));
        out.add(vk("key of the Go example", go.verifierKey().encode(), true));
        out.add(vk("key id that does not match", name + "+" + flip(id) + good.substring(good.lastIndexOf('+')), false));
        out.add(vk("uppercase key id", name + "+" + id.toUpperCase() + good.substring(good.lastIndexOf('+')), false));
        out.add(vk("signature type 0x02", name + "+" + id + "+" + wrongType, false));
        out.add(vk("31-byte key", name + "+" + id + "+" + shortKey, false));
        out.add(vk("name with a space", "example.com/airlog test+" + id + good.substring(good.lastIndexOf('+')), false));
        out.add(vk("name with a plus", "example.com/a+b+" + id + good.substring(good.lastIndexOf('+')), false));
        return out;
    }

    private static String flip(String hex) {
        return (hex.charAt(0) == '0' ? "1" : "0") + hex.substring(1);
    }

    private static Map<String, Object> vk(String name, String text, boolean valid) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("text", text);
        m.put("valid", valid);
        return m;
    }

    private Checkpoint checkpoint(int size) {
        return new Checkpoint(ORIGIN, size, CompactRange.of(leaves.subList(0, size)).root());
    }

    private List<Object> checkpoints() {
        List<String> one = List.of(key1.verifierKey().encode());
        List<String> both = List.of(key1.verifierKey().encode(), key2.verifierKey().encode());
        SignedNote at17 = key1.sign(checkpoint(17));
        List<Object> out = new ArrayList<>();
        out.add(note("tree of 17 leaves", at17.format(), one, "valid", List.of(key1.keyName())));
        out.add(note("empty tree", key1.sign(checkpoint(0)).format(), one, "valid", List.of(key1.keyName())));
        out.add(note("signed by two keys during a rotation; only the new one trusted",
                SignedNote.sign(checkpoint(8), key1, key2).format(), List.of(key2.verifierKey().encode()), "valid",
                List.of(key2.keyName())));
        out.add(note("signed by two keys, both trusted", SignedNote.sign(checkpoint(8), key1, key2).format(), both,
                "valid", List.of(key1.keyName(), key2.keyName())));
        out.add(note("an unknown key's signature is ignored", SignedNote.sign(checkpoint(13), go, key1).format(), one,
                "valid", List.of(key1.keyName())));
        out.add(note("extension lines are signed and kept",
                key1.sign(new Checkpoint(ORIGIN, 3, checkpoint(3).root(), List.of("ext-a", "ext b"))).format(), one,
                "valid", List.of(key1.keyName())));
        out.add(note("tree size edited after signing", at17.format().replace("\n17\n", "\n16\n"), one, "BAD_SIGNATURE",
                List.of()));
        out.add(note("a trusted key's bad signature rejects the note although another trusted key signed",
                at17.format() + new NoteSignature(key2.keyName(), key2.verifierKey().keyId(), new byte[64]).line(), both,
                "BAD_SIGNATURE", List.of()));
        out.add(note("signed only by an untrusted key", key2.sign(checkpoint(17)).format(), one, "UNTRUSTED_KEY",
                List.of()));
        out.add(note("another log's checkpoint", key1.sign(new Checkpoint("airlog/other", 17, checkpoint(17).root()))
                .format(), one, "OTHER_LOG", List.of()));
        out.add(note("no empty line before the signatures", at17.format().replace("\n\n", "\n"), one, "MALFORMED",
                List.of()));
        out.add(note("a hyphen instead of the em dash", at17.format().replace("\u2014 ", "- "), one, "MALFORMED",
                List.of()));
        out.add(note("a carriage return in the text", at17.format().replace("airlog/app\n", "airlog/app\r\n"), one,
                "MALFORMED", List.of()));
        out.add(note("tree size with a leading zero", SignedNote.sign("airlog/app\n017\n"
                + checkpoint(17).root().base64() + "\n", key1).format(), one, "MALFORMED", List.of()));
        return out;
    }

    private static Map<String, Object> note(String name, String note, List<String> trusted, String expect,
                                            List<String> signedBy) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("origin", ORIGIN);
        m.put("note", note);
        m.put("trusted", trusted);
        m.put("expect", expect);
        if (!signedBy.isEmpty()) {
            m.put("signedBy", signedBy);
        }
        return m;
    }

    private List<Object> bundles() {
        SignedNote at17 = key1.sign(checkpoint(17));
        InclusionBundle inclusion = InclusionBundle.of(Proofs.inclusion(13, 17, LeafSource.of(leaves)), at17);
        ConsistencyBundle consistency = ConsistencyBundle.of(Proofs.consistency(8, 17, LeafSource.of(leaves)), at17);
        List<Object> out = new ArrayList<>();
        out.add(bundle("inclusion of leaf 13 in the tree of 17", "inclusion", inclusion.format(), leaves.get(13).hex(),
                true));
        out.add(bundle("inclusion proof given for another leaf", "inclusion", inclusion.format(), leaves.get(12).hex(),
                false));
        out.add(bundle("consistency from 8 to 17", "consistency", consistency.format(), checkpoint(8).root().base64(),
                true));
        out.add(bundle("consistency from a tree that is not a prefix", "consistency", consistency.format(),
                checkpoint(9).root().base64(), false));
        return out;
    }

    private Map<String, Object> bundle(String name, String kind, String text, String input, boolean valid) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("kind", kind);
        m.put("text", text);
        m.put(kind.equals("inclusion") ? "leaf" : "oldRoot", input);
        m.put("origin", ORIGIN);
        m.put("trusted", List.of(key1.verifierKey().encode()));
        m.put("valid", valid);
        return m;
    }

    private Map<String, Object> witnessFile() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("origin", ORIGIN);
        m.put("trusted", List.of(key1.verifierKey().encode()));
        m.put("lines", List.of(JsonLine.write("format", FileWitness.FORMAT, "origin", ORIGIN),
                JsonLine.write("note", key1.sign(checkpoint(8)).format()),
                JsonLine.write("note", key1.sign(checkpoint(17)).format())));
        m.put("newestSize", 17L);
        return m;
    }

    private static List<String> base64(List<Digest> path) {
        return path.stream().map(Digest::base64).toList();
    }

    /** Pretty JSON in ASCII: two-space indent, everything outside printable ASCII as a \\u escape. */
    @SuppressWarnings("unchecked")
    private static void write(StringBuilder out, Object value, String indent) {
        if (value instanceof Map<?, ?> map) {
            out.append("{\n");
            int i = 0;
            for (Map.Entry<String, Object> e : ((Map<String, Object>) map).entrySet()) {
                out.append(indent).append("  ");
                quote(out, e.getKey());
                out.append(": ");
                write(out, e.getValue(), indent + "  ");
                out.append(++i < map.size() ? ",\n" : "\n");
            }
            out.append(indent).append('}');
        } else if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append("[\n");
            for (int i = 0; i < list.size(); i++) {
                out.append(indent).append("  ");
                write(out, list.get(i), indent + "  ");
                out.append(i + 1 < list.size() ? ",\n" : "\n");
            }
            out.append(indent).append(']');
        } else if (value instanceof String s) {
            quote(out, s);
        } else {
            out.append(value);
        }
    }

    private static void quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }
}
