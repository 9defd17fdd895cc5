package io.minidrama.emulator.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.minidrama.adapter.fake.InMemoryMiniDramaPlatform;
import io.minidrama.domain.error.InvalidRequestException;
import io.minidrama.domain.error.PlatformException;
import io.minidrama.domain.error.TransportException;
import io.minidrama.domain.player.DramaRef;
import io.minidrama.domain.player.PromotionAction;
import io.minidrama.domain.player.PromotionBatch;
import io.minidrama.emulator.internal.FieldSpec.Table;
import io.minidrama.port.DramaPlayerPort;
import io.minidrama.port.PlatformOperation;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

import static io.minidrama.emulator.internal.FieldSpec.Type.BOOLEAN_OR_WORD;
import static io.minidrama.emulator.internal.FieldSpec.Type.INTEGER;
import static io.minidrama.emulator.internal.FieldSpec.Type.STRING;
import static io.minidrama.emulator.internal.FieldSpec.each;
import static io.minidrama.emulator.internal.FieldSpec.object;
import static io.minidrama.emulator.internal.FieldSpec.optArray;
import static io.minidrama.emulator.internal.FieldSpec.opt;
import static io.minidrama.emulator.internal.FieldSpec.req;
import static io.minidrama.emulator.internal.FieldSpec.reqArray;

/**
 * {@code POST /wxadrama/<op>?access_token=..}: the drama player's nine operations (API.md §8),
 * backed by the fake's player. Checks in the platform's order: the operation exists (else HTTP 404,
 * 40066), the method is POST (43002), the token (41001, 40001, 42001), the body is there (44002)
 * and a JSON object (47001), every field against the page's request table (errcode 2, each
 * problem recorded as a wire problem), the values ({@link PlayerWire}: errcode 2); then the fake
 * answers (21000 for a drama not playable, 106017/106018 for a refused join).
 *
 * <p>Each operation is one entry of {@link #OPERATIONS} below: its request table (the page's
 * "请求体", field by field, as {@link RequestTables} explains), its behaviour on the fake and its
 * answer, written by hand here (never through the SDK's codec: the emulator is an independent
 * check of it).
 *
 * @param platform the fake that answers
 * @param tokens   the tokens the emulator issued
 * @param problems where a request that does not fit its table is recorded
 */
public record PlayerHandler(InMemoryMiniDramaPlatform platform, Tokens tokens, WireProblems problems) implements HttpHandler {
    /** The path prefix of the drama player's operations. */
    public static final String PREFIX = PlatformOperation.PLAYER_PATH_PREFIX;

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
                tokens.check(Exchanges.query(ex).get("access_token"), operation);
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
        Entry entry = OPERATIONS.get(op);
        RequestCheck.json(op.wireName(), entry.table(), o, problems);
        return entry.behaviour().apply(platform, o);
    }

    // ------------------------------------------------------------ the operations (API.md §8; drama_id a string)

    /** An operation: its request table, and what it does and answers on the fake. */
    private record Entry(Table table, BiFunction<InMemoryMiniDramaPlatform, JsonObject, JsonObject> behaviour) {
    }

    private static final Map<PlatformOperation, Entry> OPERATIONS = new HashMap<>();

    private static void on(PlatformOperation op, BiFunction<InMemoryMiniDramaPlatform, JsonObject, JsonObject> behaviour,
                           FieldSpec... request) {
        // A request that does not fit a player page's table is errcode 2 (参数错误) there.
        OPERATIONS.put(op, new Entry(new Table(List.of(request), Map.of(), RequestCheck.PLAYER_BAD_PARAMETER), behaviour));
    }

    static {
        // switch_status: the table says bool, example 5.1 sends "true" (a string): both are read.
        on(DramaPlayerPort.SET_PLAYER_DRAMA_RECMD_SWITCH, (p, o) -> {
            PlayerWire.Switch s = PlayerWire.switchSetting(o);
            p.setSwitch(s.entry(), s.on());
            return ok();
        }, req("entry_type", INTEGER), req("switch_status", BOOLEAN_OR_WORD));
        // An absent list clears like an empty one.
        on(DramaPlayerPort.DEVELOPER_SET_FLUSH_DRAMA, (p, o) -> {
            p.setFlushSet(PlayerWire.flush(o));
            return ok();
        }, optArray("list", playerDrama(req("drama_name", STRING))));
        on(DramaPlayerPort.DEVELOPER_SET_RECMD_DRAMA, (p, o) -> {
            p.setRecommendationPool(PlayerWire.pool(o));
            return ok();
        }, req("entry_type", INTEGER), opt("src_appid", STRING), opt("drama_id", STRING), optArray("list", playerDrama()));
        on(DramaPlayerPort.DEVELOPER_PUBLISH_DRAMA, (p, o) -> {
            p.publish(PlayerWire.publication(o));
            return ok();
        }, reqArray("list", playerDrama(req("drama_name", STRING), req("publish_time", INTEGER))));
        // {} in, list[{src_appid, drama_id, publish_time}] out
        on(DramaPlayerPort.DEVELOPER_GET_PUBLISHED_DRAMA, (p, o) -> {
            PlayerWire.onlyFields(o, "");
            JsonArrayBuilder a = Json.createArrayBuilder();
            p.publishedDramas().forEach(d -> a.add(drama(d.drama()).add("publish_time", d.publishTime().getEpochSecond())));
            return ResponseWriter.ok().add("list", a).build();
        });
        on(DramaPlayerPort.DEVELOPER_SET_IAA_DRAMA, (p, o) -> {
            p.declareMonetization(PlayerWire.monetization(o));
            return ok();
        }, reqArray("list", playerDrama(req("iaa_type", INTEGER), req("vip_flag", INTEGER))));
        // list[{src_appid, drama_id, iaa_type, vip_flag}] out
        on(DramaPlayerPort.DEVELOPER_GET_IAA_DRAMA, (p, o) -> {
            JsonArrayBuilder a = Json.createArrayBuilder();
            p.monetization(PlayerWire.monetizationQuery(o)).forEach(m -> a.add(drama(m.drama())
                    .add("iaa_type", m.iaaType().code()).add("vip_flag", m.vipFlag().code())));
            return ResponseWriter.ok().add("list", a).build();
        }, reqArray("list", playerDrama()));
        // list[{src_appid, drama_id, status}] out for a query, nothing else for a join or leave
        on(DramaPlayerPort.BATCH_PROCESS_DRAMA_PROMOTION, (p, o) -> {
            PromotionBatch batch = PlayerWire.promotion(o);
            JsonArrayBuilder a = Json.createArrayBuilder();
            p.processPromotion(batch).forEach(d -> a.add(drama(d.drama()).add("status", d.status().code())));
            return batch.action() == PromotionAction.QUERY ? ResponseWriter.ok().add("list", a).build() : ok();
        }, req("action_type", INTEGER), reqArray("list", playerDrama()));
        // absent or []: all; finder_event_list[{encrypted_event_id, event_name, event_url, src_appid, drama_id}] out
        on(DramaPlayerPort.GET_FINDER_EVENT, (p, o) -> {
            JsonArrayBuilder a = Json.createArrayBuilder();
            p.finderEvents(PlayerWire.finderEvents(o)).forEach(e -> a.add(Json.createObjectBuilder()
                    .add("encrypted_event_id", e.encryptedEventId()).add("event_name", e.name()).add("event_url", e.url())
                    .add("src_appid", e.drama().srcAppId()).add("drama_id", e.drama().dramaId())));
            return ResponseWriter.ok().add("finder_event_list", a).build();
        }, optArray("event_id_list", each(STRING)));

        if (!OPERATIONS.keySet().equals(Set.copyOf(Arrays.stream(PlatformOperation.values()).filter(PlatformOperation::isPlayer).toList()))) {
            throw new IllegalStateException("a player operation has no entry");
        }
    }

    /** The request table of a player operation (API.md §8). */
    static Table table(PlatformOperation op) {
        Entry entry = OPERATIONS.get(op);
        return entry == null ? null : entry.table();
    }

    /** {@code {src_appid, drama_id}} of the player pages: {@code drama_id} a string of digits (API.md §8). */
    private static FieldSpec playerDrama(FieldSpec... more) {
        FieldSpec[] members = new FieldSpec[2 + more.length];
        members[0] = req("src_appid", STRING);
        members[1] = req("drama_id", STRING);
        System.arraycopy(more, 0, members, 2, more.length);
        return object(members);
    }

    private static JsonObjectBuilder drama(DramaRef d) {
        return Json.createObjectBuilder().add("src_appid", d.srcAppId()).add("drama_id", d.dramaId());
    }

    private static JsonObject ok() {
        return ResponseWriter.ok().build();
    }
}
