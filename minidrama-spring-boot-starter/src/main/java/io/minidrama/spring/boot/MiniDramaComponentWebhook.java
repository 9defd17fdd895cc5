package io.minidrama.spring.boot;

import io.minidrama.events.ComponentEvent;
import io.minidrama.events.ComponentEventReceiver;
import io.minidrama.events.PushEventReceiver;
import io.minidrama.events.PushRejectedException;
import io.minidrama.protocol.component.ComponentTokens;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * A third-party platform's authorization event URL: {@code POST} verifies and decrypts a push,
 * hands it to {@link ComponentTokens} (a ticket is kept; {@code authorized} and
 * {@code updateauthorized} run the authorization with their code; {@code unauthorized} revokes),
 * publishes the {@link ComponentEvent} to the application's listeners, and answers
 * {@code success}. A push that fails a check is answered 400 with the rejection's reason only; a
 * failure while handling it (the platform refused the authorization code, a listener threw) is
 * answered 500 without its message, so the platform pushes again, and logged with its type and
 * message (secret-free by the SDK's contract).
 */
final class MiniDramaComponentWebhook {
    private static final System.Logger LOG = System.getLogger(MiniDramaComponentWebhook.class.getName());

    private final ComponentEventReceiver receiver;
    private final ComponentTokens tokens;
    private final ApplicationEventPublisher publisher;

    MiniDramaComponentWebhook(ComponentEventReceiver receiver, ComponentTokens tokens, ApplicationEventPublisher publisher) {
        this.receiver = receiver;
        this.tokens = tokens;
        this.publisher = publisher;
    }

    RouterFunction<ServerResponse> routes(String path) {
        return RouterFunctions.route().POST(path, this::receive).build();
    }

    private ServerResponse receive(ServerRequest request) throws Exception {
        byte[] body = request.body(byte[].class);
        String raw = request.uri().getRawQuery();
        ComponentEvent event;
        try {
            event = receiver.receive(PushEventReceiver.parseQuery(raw == null ? "" : raw), body);
        } catch (PushRejectedException e) {
            LOG.log(System.Logger.Level.INFO, () -> "component push refused: " + e.reason());
            return text(400, "rejected: " + e.reason());
        }
        try {
            apply(event);
            publisher.publishEvent(event);
        } catch (RuntimeException failure) {
            LOG.log(System.Logger.Level.WARNING, () -> "component push " + event.infoType() + " not handled: "
                    + failure.getClass().getSimpleName() + ": " + failure.getMessage());
            return text(500, "failed");
        }
        return text(200, "success");
    }

    private void apply(ComponentEvent event) {
        if (event instanceof ComponentEvent.Ticket t) {
            tokens.acceptTicket(t.ticket(), t.createdAt());
        } else if (event instanceof ComponentEvent.Authorized a) {
            tokens.authorize(a.authorizationCode());
        } else if (event instanceof ComponentEvent.UpdateAuthorized u) {
            tokens.authorize(u.authorizationCode());
        } else if (event instanceof ComponentEvent.Unauthorized u) {
            tokens.revoke(u.authorizerAppId(), u.createdAt());
        }
    }

    private static ServerResponse text(int status, String body) {
        return ServerResponse.status(status).contentType(MediaType.TEXT_PLAIN).body(body);
    }
}
