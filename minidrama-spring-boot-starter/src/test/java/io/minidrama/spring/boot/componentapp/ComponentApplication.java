package io.minidrama.spring.boot.componentapp;

import io.minidrama.events.ComponentEvent;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A third-party platform's application: the starter, its properties, and a listener of the platform's pushes. */
@SpringBootApplication
public class ComponentApplication {

    /** Every {@link ComponentEvent} the webhook published. */
    @Component
    public static class ComponentInbox {
        private final List<ComponentEvent> events = new CopyOnWriteArrayList<>();

        @EventListener
        void on(ComponentEvent event) {
            events.add(event);
        }

        public List<String> types() {
            return events.stream().map(ComponentEvent::infoType).toList();
        }
    }
}
