package io.minidrama.spring.boot.app;

import io.minidrama.domain.event.AuditEvent;
import io.minidrama.domain.event.UploadEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Receives the typed push events through plain {@code @EventListener}s. */
@Component
public class AuditInbox {
    private final List<AuditEvent> audits = new CopyOnWriteArrayList<>();
    private final List<UploadEvent> uploads = new CopyOnWriteArrayList<>();

    @EventListener
    void on(AuditEvent event) {
        audits.add(event);
    }

    @EventListener
    void on(UploadEvent event) {
        uploads.add(event);
    }

    public List<AuditEvent> audits() {
        return List.copyOf(audits);
    }

    public List<UploadEvent> uploads() {
        return List.copyOf(uploads);
    }

    public void clear() {
        audits.clear();
        uploads.clear();
    }
}
