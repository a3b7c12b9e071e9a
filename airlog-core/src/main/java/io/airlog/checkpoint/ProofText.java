package io.airlog.checkpoint;

import io.airlog.merkle.Digest;
import java.util.ArrayList;
import java.util.List;

/** The hash lines of the C2SP proof formats: one base64 SHA-256 hash per line, at most 63. */
final class ProofText {
    /** The most hashes a proof of a tree of at most 2^63-1 leaves needs, and what C2SP allows. */
    static final int MAX_HASHES = 63;

    private ProofText() {
    }

    static void append(StringBuilder sb, List<Digest> path) {
        for (Digest d : path) {
            sb.append(d.base64()).append('\n');
        }
    }

    static List<Digest> read(String[] lines, int from, String what) {
        List<Digest> path = new ArrayList<>();
        for (int i = from; i < lines.length; i++) {
            if (path.size() == MAX_HASHES) {
                throw new IllegalArgumentException(what + " has at most " + MAX_HASHES + " hash lines");
            }
            try {
                path.add(Digest.fromBase64(lines[i]));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(what + ", line " + (i + 1) + ": " + e.getMessage());
            }
        }
        return path;
    }

    /** Splits a proof text at its empty line: the proof lines before it, the checkpoint note after. */
    static String[] split(String text, String what) {
        int blank = text.indexOf("\n\n");
        if (blank < 0) {
            throw new IllegalArgumentException(what + " has an empty line before its checkpoint; this one has none");
        }
        return new String[] {text.substring(0, blank), text.substring(blank + 2)};
    }
}
