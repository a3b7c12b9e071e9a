package io.airlog.checkpoint;

import io.airlog.internal.PercentEncoding;
import io.airlog.internal.Snippet;
import io.airlog.internal.StrictDecimal;
import io.airlog.merkle.CompactRange;
import io.airlog.merkle.Digest;
import io.airlog.merkle.TreeEdge;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A C2SP {@code tlog-checkpoint} body: the origin line that names the log, the tree size in
 * decimal and the base64 root hash of the log's Merkle tree at that size, each ended by a
 * newline, optionally followed by extension lines (airlog writes none). Signed, it is the
 * text of a {@link SignedNote}.
 *
 * @param origin the log's identity; see {@link #defaultOrigin(String)}
 * @param size the number of events the tree covers
 * @param root the tree's root at {@code size}
 * @param extensions extension lines (non-empty, opaque), usually none
 */
public record Checkpoint(String origin, long size, Digest root, List<String> extensions) {
    /** Checks every line and copies the extensions. */
    public Checkpoint {
        checkLine("the origin", origin);
        if (size < 0) {
            throw new IllegalArgumentException("the tree size must not be negative: " + size);
        }
        Objects.requireNonNull(root, "root");
        extensions = List.copyOf(extensions);
        for (String e : extensions) {
            checkLine("an extension line", e);
        }
    }

    /** A checkpoint without extension lines. */
    public Checkpoint(String origin, long size, Digest root) {
        this(origin, size, root, List.of());
    }

    /** The checkpoint of a tree edge: its size and root. */
    public static Checkpoint of(String origin, TreeEdge edge) {
        return new Checkpoint(origin, edge.size(), edge.root());
    }

    /**
     * The origin airlog gives a log unless configured otherwise: {@code airlog/} followed by
     * the log id, in which every UTF-8 byte other than the URI unreserved characters
     * ({@code A-Z a-z 0-9 - . _ ~}) is written {@code %XX} (uppercase hex). So log
     * {@code payments} has origin {@code airlog/payments} and log {@code a b+c} has
     * {@code airlog/a%20b%2Bc}: no spaces or plus signs, as C2SP recommends. Configure a
     * globally unique origin (e.g. {@code audit.example.com/payments}) when checkpoints are
     * shown to anyone outside the organisation.
     */
    public static String defaultOrigin(String logId) {
        return "airlog/" + PercentEncoding.encode(Objects.requireNonNull(logId, "logId"));
    }

    /** The note text: each line followed by a newline. */
    public String body() {
        StringBuilder sb = new StringBuilder().append(origin).append('\n').append(size).append('\n')
                .append(root.base64()).append('\n');
        for (String e : extensions) {
            sb.append(e).append('\n');
        }
        return sb.toString();
    }

    /** Whether a tree edge has this size and root. */
    public boolean matches(TreeEdge edge) {
        return edge.size() == size && edge.root().equals(root);
    }

    /** Whether a compact range has this size and root. */
    public boolean matches(CompactRange range) {
        return range.size() == size && range.root().equals(root);
    }

    /**
     * Reads a checkpoint body (a note's text).
     *
     * @throws IllegalArgumentException naming the line that is wrong
     */
    public static Checkpoint parse(String text) {
        Objects.requireNonNull(text, "text");
        if (!text.endsWith("\n")) {
            throw new IllegalArgumentException("a checkpoint body ends with a newline");
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        if (lines.length < 3) {
            throw new IllegalArgumentException("a checkpoint body has at least 3 lines (origin, tree size, root hash), not "
                    + lines.length);
        }
        if (lines[0].isEmpty()) {
            throw new IllegalArgumentException("line 1 of the checkpoint (the origin) is empty");
        }
        long size = StrictDecimal.parse(lines[1], "line 2 of the checkpoint (the tree size)");
        Digest root;
        try {
            root = Digest.fromBase64(lines[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("line 3 of the checkpoint (the root hash): " + e.getMessage());
        }
        List<String> extensions = new ArrayList<>();
        for (int i = 3; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                throw new IllegalArgumentException("line " + (i + 1) + " of the checkpoint (an extension line) is empty");
            }
            extensions.add(lines[i]);
        }
        return new Checkpoint(lines[0], size, root, extensions);
    }

    private static void checkLine(String what, String line) {
        Objects.requireNonNull(line, what);
        if (line.isEmpty()) {
            throw new IllegalArgumentException(what + " of a checkpoint must not be empty");
        }
        NoteText.check(what + " of a checkpoint", line);
        if (line.indexOf('\n') >= 0) {
            throw new IllegalArgumentException(what + " of a checkpoint is one line: '" + Snippet.of(line) + "'");
        }
    }
}
