package io.airlog.payara;

import io.airlog.ChainPosition;
import io.airlog.encoding.CanonicalJson;
import io.airlog.verify.Damage;
import io.airlog.verify.VerificationReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON form of a {@link VerificationReport}. */
final class ReportJson {
    private ReportJson() {
    }

    /**
     * {@code {"logId":…,"intact":…,"eventsRead":…,"start":{"size":…,"lastChecksum":…},
     * "end":{…},"summary":…,"damages":[{"kind":…,"position":…,"firstSequence":…,
     * "lastSequence":…,"detail":…}]}}.
     */
    static String toJson(VerificationReport report) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("logId", report.logId());
        json.put("intact", report.intact());
        json.put("eventsRead", report.eventsRead());
        json.put("start", position(report.start()));
        json.put("end", position(report.end()));
        json.put("summary", report.summary());
        List<Map<String, Object>> damages = report.damages().stream().map(ReportJson::damage).toList();
        json.put("damages", damages);
        return CanonicalJson.toJson(json);
    }

    private static Map<String, Object> position(ChainPosition p) {
        return Map.of("size", p.size(), "lastChecksum", p.lastChecksum());
    }

    private static Map<String, Object> damage(Damage d) {
        return Map.of("kind", d.kind().name(), "position", d.position(), "firstSequence", d.firstSequence(),
                "lastSequence", d.lastSequence(), "detail", d.detail());
    }
}
