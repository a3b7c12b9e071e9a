package io.airlog.cli.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.airlog.verify.ComparisonReport;
import io.airlog.verify.Damage;
import io.airlog.verify.Difference;
import io.airlog.verify.VerificationReport;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON the commands print with {@code --json} (one object on one line), and small JSON reads. */
final class Json {
    private static final JsonFactory FACTORY = new JsonFactory();

    private Json() {
    }

    /** Writes one JSON value. */
    interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    /** One JSON object on one line, written by {@code body} between its braces. */
    static String object(Body body) {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(text)) {
            g.writeStartObject();
            body.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /**
     * The members of a flat JSON object whose values are strings or integers (integers as
     * their decimal text).
     *
     * @throws IllegalArgumentException naming {@code what} if the text is not such an object
     */
    static Map<String, String> flatObject(String what, String text) {
        Map<String, String> members = new LinkedHashMap<>();
        try (JsonParser p = FACTORY.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException(what + " is not a JSON object");
            }
            for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (value != JsonToken.VALUE_STRING && value != JsonToken.VALUE_NUMBER_INT) {
                    throw new IllegalArgumentException(what + ": member \"" + name + "\" is not a string or an integer");
                }
                if (members.put(name, p.getText()) != null) {
                    throw new IllegalArgumentException(what + ": member \"" + name + "\" appears twice");
                }
            }
            if (p.nextToken() != null) {
                throw new IllegalArgumentException(what + " holds more than one JSON value");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(what + " is not valid JSON: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
        }
        return members;
    }

    static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    /** The members of a verification report. */
    static void report(JsonGenerator g, VerificationReport r) throws IOException {
        g.writeStringField("log", r.logId());
        g.writeBooleanField("intact", r.intact());
        g.writeNumberField("eventsRead", r.eventsRead());
        g.writeNumberField("start", r.start().size());
        g.writeNumberField("verifiedThrough", r.end().size());
        g.writeNumberField("signedThrough", r.anchors().signedSize());
        g.writeNumberField("witnessedThrough", r.anchors().witnessedSize());
        damages(g, "damages", r.damages());
        damages(g, "notices", r.notices());
        strings(g, "notChecked", r.anchors().notChecked());
        g.writeStringField("summary", r.summary());
    }

    private static void damages(JsonGenerator g, String name, List<Damage> damages) throws IOException {
        g.writeArrayFieldStart(name);
        for (Damage d : damages) {
            g.writeStartObject();
            g.writeStringField("kind", d.kind().name());
            g.writeNumberField("position", d.position());
            g.writeNumberField("firstSequence", d.firstSequence());
            g.writeNumberField("lastSequence", d.lastSequence());
            g.writeStringField("detail", d.detail());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** The members of a comparison report. */
    static void comparison(JsonGenerator g, ComparisonReport r) throws IOException {
        g.writeStringField("log", r.logId());
        g.writeBooleanField("identical", r.identical());
        g.writeStringField("left", r.left());
        g.writeStringField("right", r.right());
        g.writeNumberField("leftRead", r.leftRead());
        g.writeNumberField("rightRead", r.rightRead());
        g.writeNumberField("matched", r.matched());
        g.writeArrayFieldStart("differences");
        for (Difference d : r.differences()) {
            g.writeStartObject();
            g.writeStringField("kind", d.kind().name());
            g.writeStringField("side", d.side().name());
            g.writeStringField("store", r.label(d.side()));
            g.writeNumberField("firstSequence", d.firstSequence());
            g.writeNumberField("lastSequence", d.lastSequence());
            g.writeNumberField("position", d.position());
            g.writeStringField("detail", d.detail());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringField("summary", r.summary());
    }
}
