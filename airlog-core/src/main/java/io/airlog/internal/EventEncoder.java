package io.airlog.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

/**
 * Writes the canonical encoding v1 of an event (docs/encoding.md) and hashes it with SHA-256.
 * One instance per thread; not thread-safe itself.
 */
public final class EventEncoder {
    /** The format version byte. */
    public static final byte VERSION = 1;
    /** The domain-separation label that follows the version byte. */
    public static final String LABEL = "airlog.event";

    private static final ThreadLocal<EventEncoder> LOCAL = ThreadLocal.withInitial(EventEncoder::new);
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final MessageDigest sha256;
    private byte[] buf = new byte[512];
    private int len;
    /** The event whose checksum this thread computed last (an immutable value), and that checksum. */
    private Object lastEvent;
    private String lastChecksum;

    private EventEncoder() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    /** The encoder of the calling thread. */
    public static EventEncoder local() {
        return LOCAL.get();
    }

    /**
     * Epoch nanoseconds of an instant; the caller has checked the range. Before 1970 the
     * seconds are taken one closer to zero first, so that the earliest encodable instant
     * (-2<sup>63</sup> ns, whose seconds times 10<sup>9</sup> alone would overflow) works.
     */
    public static long epochNanos(Instant t) {
        long seconds = t.getEpochSecond();
        int nanos = t.getNano();
        if (seconds < 0 && nanos > 0) {
            return Math.addExact(Math.multiplyExact(seconds + 1, 1_000_000_000L), nanos - 1_000_000_000L);
        }
        return Math.addExact(Math.multiplyExact(seconds, 1_000_000_000L), nanos);
    }

    /**
     * The checksum this thread computed last, if it was computed for {@code event}: verifying
     * a stored event and then handing it to a chain verifier computes its checksum once.
     *
     * @param event an immutable event
     * @return its checksum, or null if the last one computed on this thread was another's
     */
    public String remembered(Object event) {
        return event == lastEvent ? lastChecksum : null;
    }

    /** Remembers the checksum just computed for {@code event} (see {@link #remembered}). */
    public void remember(Object event, String checksum) {
        lastEvent = event;
        lastChecksum = checksum;
    }

    /** Encodes the fields in the order docs/encoding.md gives and returns a copy of the bytes. */
    public byte[] encode(String logId, long sequence, UUID eventId, Instant timestamp, String action,
                         String subject, String authMethod, CanonicalMap metadata, String resource,
                         String resourceId, String outcome, String correlationId, CanonicalMap context,
                         String previousChecksum) {
        fill(logId, sequence, eventId, timestamp, action, subject, authMethod, metadata, resource, resourceId,
                outcome, correlationId, context, previousChecksum);
        return Arrays.copyOf(buf, len);
    }

    /** The lowercase hex SHA-256 of the encoding of the given fields. */
    public String checksum(String logId, long sequence, UUID eventId, Instant timestamp, String action,
                           String subject, String authMethod, CanonicalMap metadata, String resource,
                           String resourceId, String outcome, String correlationId, CanonicalMap context,
                           String previousChecksum) {
        fill(logId, sequence, eventId, timestamp, action, subject, authMethod, metadata, resource, resourceId,
                outcome, correlationId, context, previousChecksum);
        sha256.reset();
        sha256.update(buf, 0, len);
        return hex(sha256.digest());
    }

    private void fill(String logId, long sequence, UUID eventId, Instant timestamp, String action,
                      String subject, String authMethod, CanonicalMap metadata, String resource,
                      String resourceId, String outcome, String correlationId, CanonicalMap context,
                      String previousChecksum) {
        len = 0;
        ensure(1);
        buf[len++] = VERSION;
        string(LABEL);
        string(logId);
        int64(sequence);
        int64(eventId.getMostSignificantBits());
        int64(eventId.getLeastSignificantBits());
        int64(epochNanos(timestamp));
        string(action);
        string(subject);
        string(authMethod);
        string(metadata.json());
        string(resource);
        string(resourceId);
        string(outcome);
        string(correlationId);
        string(context.json());
        string(previousChecksum);
    }

    private void int64(long v) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buf[len++] = (byte) (v >>> shift);
        }
    }

    /**
     * Absent: one byte 0x00. Present: 0x01, a 4-byte big-endian length, the UTF-8 bytes.
     * Valid strings have no unpaired surrogate (callers check); should one get here, it is
     * written as its own 3-byte sequence, never merged with its neighbour, so that two
     * different strings never give the same bytes.
     */
    private void string(String s) {
        if (s == null) {
            ensure(1);
            buf[len++] = 0;
            return;
        }
        // The JDK's encoder (fast for Latin-1 strings) writes the same bytes as the loop below,
        // except that it replaces an unpaired surrogate by '?': its result is taken only when
        // it holds no '?' at all.
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        if (!contains(utf8, (byte) '?')) {
            ensure(5 + utf8.length);
            buf[len++] = 1;
            buf[len++] = (byte) (utf8.length >>> 24);
            buf[len++] = (byte) (utf8.length >>> 16);
            buf[len++] = (byte) (utf8.length >>> 8);
            buf[len++] = (byte) utf8.length;
            System.arraycopy(utf8, 0, buf, len, utf8.length);
            len += utf8.length;
            return;
        }
        int n = s.length();
        ensure(5 + 3 * n);
        buf[len++] = 1;
        int lengthAt = len;
        len += 4;
        int start = len;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                buf[len++] = (byte) c;
            } else if (c < 0x800) {
                buf[len++] = (byte) (0xC0 | (c >> 6));
                buf[len++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                buf[len++] = (byte) (0xF0 | (cp >> 18));
                buf[len++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                buf[len++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                buf[len++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                buf[len++] = (byte) (0xE0 | (c >> 12));
                buf[len++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                buf[len++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        int bytes = len - start;
        buf[lengthAt] = (byte) (bytes >>> 24);
        buf[lengthAt + 1] = (byte) (bytes >>> 16);
        buf[lengthAt + 2] = (byte) (bytes >>> 8);
        buf[lengthAt + 3] = (byte) bytes;
    }

    private static boolean contains(byte[] bytes, byte b) {
        for (byte x : bytes) {
            if (x == b) {
                return true;
            }
        }
        return false;
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }

    /** Lowercase hex of bytes. */
    public static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[(bytes[i] >> 4) & 0xF];
            out[2 * i + 1] = HEX[bytes[i] & 0xF];
        }
        return new String(out);
    }
}
