package io.airlog.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fenced code blocks of a Markdown file, each with the heading it stands under, so that a
 * test can run a document's commands as written. Fences may be indented (inside list items);
 * the fence's indentation is removed from the block's lines.
 */
final class MarkdownBlocks {
    private static final Pattern FENCE = Pattern.compile("^( *)```(\\w*)\\s*$");
    private static final Pattern HEADING = Pattern.compile("^#{1,6} +(.+?)\\s*$");

    /**
     * One block.
     *
     * @param heading the nearest heading above it
     * @param info the fence's info string ({@code sh}, {@code text}, ...)
     * @param text the block's lines, joined by newlines
     */
    record Block(String heading, String info, String text) {
    }

    private final Path file;
    private final List<Block> blocks;

    private MarkdownBlocks(Path file, List<Block> blocks) {
        this.file = file;
        this.blocks = blocks;
    }

    static MarkdownBlocks of(Path file) throws IOException {
        List<Block> blocks = new ArrayList<>();
        String heading = "";
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            Matcher h = HEADING.matcher(lines.get(i));
            Matcher fence = FENCE.matcher(lines.get(i));
            if (h.matches()) {
                heading = h.group(1);
            } else if (fence.matches()) {
                int indent = fence.group(1).length();
                StringBuilder text = new StringBuilder();
                for (i++; i < lines.size() && !lines.get(i).strip().equals("```"); i++) {
                    String line = lines.get(i);
                    text.append(line.length() >= indent && line.substring(0, indent).isBlank() ? line.substring(indent)
                            : line.strip()).append('\n');
                }
                blocks.add(new Block(heading, fence.group(2), text.toString().stripTrailing()));
            }
        }
        return new MarkdownBlocks(file, blocks);
    }

    /** The {@code n}-th block (from 0) with info string {@code info} under {@code heading}. */
    String block(String heading, String info, int n) {
        List<Block> found = blocks.stream().filter(b -> b.heading().equals(heading) && b.info().equals(info)).toList();
        if (n >= found.size()) {
            throw new AssertionError(file + " has " + found.size() + " '" + info + "' block(s) under '" + heading
                    + "', not " + (n + 1));
        }
        return found.get(n).text();
    }

    /** How many blocks with info string {@code info} stand under {@code heading}. */
    long count(String heading, String info) {
        return blocks.stream().filter(b -> b.heading().equals(heading) && b.info().equals(info)).count();
    }
}
