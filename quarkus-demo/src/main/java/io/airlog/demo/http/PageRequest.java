package io.airlog.demo.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code offset} and {@code limit} query parameters of a listing, as sent; checked when read.
 *
 * @param offsetParameter how many items to skip (default 0)
 * @param limitParameter the page size (default {@value #DEFAULT_LIMIT}, at most {@value #MAX_LIMIT})
 */
public record PageRequest(IntegerParameter offsetParameter, IntegerParameter limitParameter) {
    /** The default page size. */
    public static final int DEFAULT_LIMIT = 20;
    /** The largest page size. */
    public static final int MAX_LIMIT = 100;
    /** The largest offset. */
    public static final long MAX_OFFSET = 1_000_000_000L;

    /** The parameters as sent (null when absent). */
    public static PageRequest of(String offset, String limit) {
        return new PageRequest(new IntegerParameter("offset", offset, 0, 0, MAX_OFFSET),
                new IntegerParameter("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT));
    }

    /** The offset, checked ({@link BadInputException} naming the parameter). */
    public long offset() {
        return offsetParameter.value();
    }

    /** The page size, checked ({@link BadInputException} naming the parameter). */
    public int limit() {
        return (int) limitParameter.value();
    }

    /** What an audit event records: {@code {"offset": ..., "limit": ...}}. */
    public Map<String, Object> shown() {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("offset", offsetParameter.shown());
        shown.put("limit", limitParameter.shown());
        return shown;
    }
}
