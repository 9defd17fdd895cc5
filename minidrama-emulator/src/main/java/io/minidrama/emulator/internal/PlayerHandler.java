package io.minidrama.emulator.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.minidrama.adapter.fake.InMemoryMiniDramaPlatform;
import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.PlatformException;
import io.minidrama.domain.error.TransportException;
import io.minidrama.domain.player.PromotionBatch;
import io.minidrama.port.PlatformOperation;
import jakarta.json.JsonObject;

import java.io.IOException;

/**
 * {@code POST /wxadrama/<op>?access_token=..}: the drama player's nine operations (API.md §8),
 * backed by the fake's player. Checks in the platform's order: the operation exists (else HTTP 404,
 * 40066), the method is POST (43002), the token (41001, 40001, 42001), the body is there (44002)
 * and a JSON object (47001), every field against the page's request table ({@link RequestTables}:
 * errcode 2, each problem recorded as a wire problem), the values ({@link PlayerWire}: errcode 2); then the fake
 * answers (21000 for a drama not playable, 106017/106018 for a refused join).
 */
public final class PlayerHandler implements HttpHandler {
    /** The path prefix of the drama player's operations. */
    public static final String PREFIX = PlatformOperation.PLAYER_PATH_PREFIX;

    private final InMemoryMiniDramaPlatform platform;
    private final Tokens tokens;
    private final WireProblems problems;

    public PlayerHandler(InMemoryMiniDramaPlatform platform, Tokens tokens, WireProblems problems) {
        this.platform = platform;
        this.tokens = tokens;
        this.problems = problems;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String op = ex.getRequestURI().getPath().substring(PREFIX.length());
            try {
                PlatformOperation operation = PlatformOperation.find(op).filter(PlatformOperation::isPlayer).orElse(null);
                if (operation == null) {
                    Exchanges.drain(ex.getRequestBody());
                    ResponseWriter.send(ex, 404, ResponseWriter.error(40066, "invalid url"));
                    return;
                }
                if (!"POST".equalsIgnoreCase(ex.getRequestMethod())) {
                    Exchanges.drain(ex.getRequestBody());
                    throw new WireError(43002, "require POST method");
                }
                tokens.check(Exchanges.query(ex).get("access_token"));
                ResponseWriter.send(ex, 200, answer(operation, JsonBodies.parse(Exchanges.readBody(ex))));
            } catch (WireError e) {
                if (e.drain) {
                    Exchanges.drain(ex.getRequestBody());
                }
                ResponseWriter.send(ex, e.httpStatus, ResponseWriter.error(e.errcode, e.getMessage()));
            } catch (InvalidRequestException e) {
                Exchanges.drain(ex.getRequestBody());
                ResponseWriter.send(ex, 200, ResponseWriter.error(PlayerWire.BAD_PARAMETER, "invalid parameter: " + e.getMessage()));
            } catch (PlatformException e) {
                ResponseWriter.send(ex, 200, ResponseWriter.error(e.rawErrcode(), e.errmsg()));
            } catch (TransportException e) {
                // An injected transport fault: close the connection without an answer.
                Exchanges.drain(ex.getRequestBody());
            }
        }
    }

    private JsonObject answer(PlatformOperation op, JsonObject o) {
        RequestCheck.json(op.wireName(), RequestTables.of(op), o, problems);
        switch (op) {
            case SET_PLAYER_DRAMA_RECMD_SWITCH -> {
                PlayerWire.Switch s = PlayerWire.switchSetting(o);
                platform.setSwitch(s.entry(), s.on());
            }
            case DEVELOPER_SET_FLUSH_DRAMA -> platform.setFlushSet(PlayerWire.flush(o));
            case DEVELOPER_SET_RECMD_DRAMA -> platform.setRecommendationPool(PlayerWire.pool(o));
            case DEVELOPER_PUBLISH_DRAMA -> platform.publish(PlayerWire.publication(o));
            case DEVELOPER_GET_PUBLISHED_DRAMA -> {
                PlayerWire.onlyFields(o, "");
                return ResponseWriter.published(platform.publishedDramas());
            }
            case DEVELOPER_SET_IAA_DRAMA -> platform.declareMonetization(PlayerWire.monetization(o));
            case DEVELOPER_GET_IAA_DRAMA -> {
                return ResponseWriter.monetization(platform.monetization(PlayerWire.monetizationQuery(o)));
            }
            case BATCH_PROCESS_DRAMA_PROMOTION -> {
                PromotionBatch batch = PlayerWire.promotion(o);
                return ResponseWriter.promotion(batch.action(), platform.processPromotion(batch));
            }
            case GET_FINDER_EVENT -> {
                return ResponseWriter.finderEvents(platform.finderEvents(PlayerWire.finderEvents(o)));
            }
            default -> throw new IllegalStateException("not a player operation: " + op);
        }
        return ResponseWriter.ok().build();
    }
}
