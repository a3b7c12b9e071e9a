package io.airlog.merkle;

import io.airlog.internal.Snippet;
import io.airlog.internal.StrictDecimal;
import java.util.List;

/** Reading the space-separated text forms of ranges and edges. */
final class Tokens {
    private Tokens() {
    }

    static List<String> split(String text, String what) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("a " + what + " text is empty");
        }
        if (text.startsWith(" ") || text.endsWith(" ") || text.contains("  ")) {
            throw new IllegalArgumentException("a " + what + " text separates its parts by single spaces: '"
                    + Snippet.of(text) + "'");
        }
        return List.of(text.split(" "));
    }

    static void expectPrefix(List<String> tokens, String word, String what) {
        if (!tokens.get(0).equals(word)) {
            throw new IllegalArgumentException("a " + what + " text starts with '" + word + "', not '"
                    + Snippet.of(tokens.get(0)) + "'");
        }
    }

    static long size(List<String> tokens, int index, String what) {
        if (tokens.size() <= index) {
            throw new IllegalArgumentException("a " + what + " text has no tree size");
        }
        return StrictDecimal.parse(tokens.get(index), "the tree size of a " + what);
    }

    static Digest digest(List<String> tokens, int index, String what) {
        try {
            return Digest.fromBase64(tokens.get(index));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("part " + (index + 1) + " of a " + what + " text: " + e.getMessage());
        }
    }
}
