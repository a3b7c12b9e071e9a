package io.airlog.cdi;

import jakarta.enterprise.context.Dependent;
import java.util.List;
import java.util.Map;

/** A bean with no annotation of its own: the binding comes from {@link AuditedBase}. */
@Dependent
public class DocumentService extends AuditedBase {

    public void share(@AuditResourceId long documentId, @AuditField("with") List<String> users,
                      @AuditField("options") Map<String, Object> options) {
    }

    public void protect(@AuditResourceId String documentId, @AuditRedact String password,
                        @AuditField("hint") @AuditRedact String hint) {
    }

    public void move(@AuditResourceId(property = "id") AccountService.AccountRef target,
                     @AuditField(value = "owner", property = "owner.name") AccountService.AccountRef again,
                     @AuditIgnore String secret) {
    }

    public void fail(RuntimeException toThrow) {
        throw toThrow;
    }
}
