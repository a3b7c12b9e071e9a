package io.airlog.checkpoint;

import io.airlog.internal.Snippet;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** The character rules of C2SP signed notes. */
final class NoteText {
    private NoteText() {
    }

    /**
     * Checks that {@code text} is well-formed (it has a UTF-8 form: no unpaired surrogate) and
     * holds no ASCII control character other than newline.
     *
     * @throws IllegalArgumentException naming {@code what} and the offending character
     */
    static void check(String what, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n') {
                throw new IllegalArgumentException(what + " holds the control character U+"
                        + String.format("%04X", (int) c) + " at index " + i + " (only newline is allowed)");
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException(what + " is not well-formed text: unpaired surrogate at index " + i);
            }
        }
    }

    /**
     * Decodes strict UTF-8.
     *
     * @throws IllegalArgumentException naming {@code what} if the bytes are not valid UTF-8
     */
    static String decode(String what, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(what + " is not valid UTF-8");
        }
    }

    /**
     * Checks a key name: non-empty, well-formed, without Unicode spaces (white space and
     * space separators, no-break spaces included) or plus signs.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    static String checkKeyName(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a key name must not be empty");
        }
        check("the key name '" + Snippet.of(name) + "'", name);
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            if (cp == '+') {
                throw new IllegalArgumentException("the key name '" + Snippet.of(name) + "' contains '+'");
            }
            if (isSpace(cp)) {
                throw new IllegalArgumentException("the key name '" + Snippet.of(name) + "' contains a space (U+"
                        + String.format("%04X", cp) + ")");
            }
            i += Character.charCount(cp);
        }
        return name;
    }

    /** Unicode white space: the ASCII spaces, U+0085, and the separators Zs, Zl, Zp. */
    static boolean isSpace(int cp) {
        return cp == '\t' || cp == '\n' || cp == 0x0b || cp == '\f' || cp == '\r' || cp == 0x85
                || Character.isSpaceChar(cp);
    }
}
