package io.minidrama.spring.boot;

import io.minidrama.events.PushEventReceiver;
import io.minidrama.events.PushOutcome;
import io.minidrama.events.PushRejectedException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import java.util.Map;

/**
 * The push URL: {@code GET} answers the console's URL check with its {@code echostr};
 * {@code POST} verifies (and decrypts) a push, publishes its event to the application's
 * listeners on the request thread, and answers {@code success}. A push that fails a check is
 * answered 400 with the rejection's reason only (never a secret or the body); a listener that
 * throws makes the answer 500, so the platform delivers the push again.
 */
final class MiniDramaWebhook {
    private static final System.Logger LOG = System.getLogger(MiniDramaWebhook.class.getName());

    private final PushEventReceiver receiver;
    private final ApplicationEventPublisher publisher;

    MiniDramaWebhook(PushEventReceiver receiver, ApplicationEventPublisher publisher) {
        this.receiver = receiver;
        this.publisher = publisher;
    }

    RouterFunction<ServerResponse> routes(String path) {
        return RouterFunctions.route()
                .GET(path, this::verify)
                .POST(path, this::receive)
                .build();
    }

    private ServerResponse verify(ServerRequest request) {
        try {
            return text(200, receiver.verifyUrl(query(request)));
        } catch (PushRejectedException e) {
            return rejected(e);
        }
    }

    private ServerResponse receive(ServerRequest request) throws Exception {
        byte[] body = request.body(byte[].class);
        PushOutcome outcome;
        try {
            outcome = receiver.receiveOnce(query(request), body);
        } catch (PushRejectedException e) {
            return rejected(e);
        }
        if (outcome instanceof PushOutcome.Delivered delivered) {
            publisher.publishEvent(delivered.event());
        }
        return text(200, "success");
    }

    private static Map<String, String> query(ServerRequest request) {
        String raw = request.uri().getRawQuery();
        return PushEventReceiver.parseQuery(raw == null ? "" : raw);
    }

    private static ServerResponse rejected(PushRejectedException e) {
        LOG.log(System.Logger.Level.INFO, () -> "push refused: " + e.reason());
        return text(400, "rejected: " + e.reason());
    }

    private static ServerResponse text(int status, String body) {
        return ServerResponse.status(status).contentType(MediaType.TEXT_PLAIN).body(body);
    }
}
