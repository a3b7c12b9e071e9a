package io.airlog.stream;

import io.airlog.internal.JsonLine;
import java.util.Map;
import java.util.Objects;

/**
 * A checkpoint line of a JSON-lines audit file:
 * {@code {"checkpoint":"<signed checkpoint note>","edge":"<tree edge>"}}. It follows the events
 * it covers; the note is the C2SP signed checkpoint of the log at that size, and the edge
 * ({@code io.airlog.merkle.TreeEdge} text) lets a writer or a verifier continue the tree from
 * there after checking it against the signed root. Neither is trusted before that check.
 *
 * @param note the signed note, as stored
 * @param edge the tree edge text, as stored
 */
public record CheckpointLine(String note, String edge) {
    private static final String PREFIX = "{\"checkpoint\":";

    /** Checks presence. */
    public CheckpointLine {
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(edge, "edge");
    }

    /** The line, without its newline. */
    public String toJson() {
        return JsonLine.write("checkpoint", note, "edge", edge);
    }

    /** Whether a line is meant as a checkpoint line (it starts as airlog writes one). */
    static boolean isCheckpointLine(String line) {
        return line.startsWith(PREFIX);
    }

    /**
     * Reads a checkpoint line.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    static CheckpointLine parse(String line) {
        Map<String, String> members = JsonLine.read("checkpoint line", line);
        if (members.size() != 2 || !members.containsKey("checkpoint") || !members.containsKey("edge")) {
            throw new IllegalArgumentException("a checkpoint line has exactly the members \"checkpoint\" and \"edge\","
                    + " not " + members.keySet());
        }
        return new CheckpointLine(members.get("checkpoint"), members.get("edge"));
    }
}
